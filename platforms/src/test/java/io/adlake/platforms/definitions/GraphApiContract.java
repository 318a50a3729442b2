package io.adlake.platforms.definitions;

import java.util.Optional;

/**
 * Meta's Graph API as the official SDK facebook-business 26.0.3 defines it, checking requests as
 * Meta does: a version other than the SDK's is answered with error 2635 ("You are calling a
 * deprecated version of the Ads API"), and a field its object does not have with error 100.
 */
public final class GraphApiContract {
  private GraphApiContract() {}

  /** Meta's answer to a call of this version; empty when it is the SDK's. */
  public static Optional<String> versionRefusal(String version) {
    String defined = PublishedDefinitions.graphApiVersion();
    if (version.equals(defined)) {
      return Optional.empty();
    }
    return Optional.of(
        "{\"error\":{\"message\":\"(#2635) You are calling a deprecated version of the Ads API."
            + " Please update to the latest version: "
            + defined
            + ".\",\"type\":\"OAuthException\",\"code\":2635,\"fbtrace_id\":\"AbV\"}}");
  }

  /**
   * Meta's answer to a {@code fields} list with a field the object lacks; empty when all are its.
   *
   * @param object the SDK's module of the object: {@code adsinsights}, {@code adset}
   */
  public static Optional<String> fieldRefusal(String object, String fields) {
    for (String field : fields.split(",")) {
      String name = field.strip();
      if (!name.isEmpty() && !PublishedDefinitions.facebook(object, "Field").contains(name)) {
        return Optional.of(
            "{\"error\":{\"message\":\"(#100) "
                + name
                + " is not valid for fields param\",\"type\":\"OAuthException\",\"code\":100,"
                + "\"fbtrace_id\":\"AbF\"}}");
      }
    }
    return Optional.empty();
  }
}
