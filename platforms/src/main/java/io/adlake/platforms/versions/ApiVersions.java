package io.adlake.platforms.versions;

import java.net.URI;
import java.time.LocalDate;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The versions of one API or file format adlake knows, with the sunset of each (empty: none
 * announced) and the source of those dates: the data of the version calendar, kept in the
 * platform's API facts.
 *
 * @param api what is versioned, as messages name it
 * @param inUrl how the version appears in a base URL (its first group), or null when the code pins
 *     it instead
 */
public record ApiVersions(
    String api, Pattern inUrl, Map<String, Optional<LocalDate>> sunsets, String source) {

  public ApiVersions {
    sunsets = Map.copyOf(sunsets);
  }

  /** The row of a version in use. */
  public PinnedVersion pin(String version, String setting) {
    return new PinnedVersion(
        api,
        version,
        sunsets.containsKey(version),
        sunsets.getOrDefault(version, Optional.empty()),
        source,
        setting);
  }

  /** The version a base URL names; empty when it names none. */
  public Optional<String> versionIn(URI baseUrl) {
    Matcher m = inUrl.matcher(baseUrl.getPath());
    return m.find() ? Optional.of(m.group(1)) : Optional.empty();
  }

  /** Whether this is one of the versions adlake knows. */
  public boolean knows(String version) {
    return sunsets.containsKey(version);
  }

  /** The row of the version a base URL names (a version of "none" when it names none). */
  public PinnedVersion pinIn(URI baseUrl, String setting) {
    return pin(versionIn(baseUrl).orElse("(none in " + baseUrl + ")"), setting);
  }

  /** A known version with no sunset announced. */
  public static Optional<LocalDate> noneAnnounced() {
    return Optional.empty();
  }

  public static Optional<LocalDate> on(String day) {
    return Optional.of(LocalDate.parse(day));
  }
}
