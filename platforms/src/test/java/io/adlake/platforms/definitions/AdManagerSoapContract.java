package io.adlake.platforms.definitions;

import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Ad Manager's SOAP ReportService as Google defines it, checking requests as its front end does: a
 * version the official client googleads 51.0.0 no longer supports answers
 * ApiVersionError.UPDATE_TO_NEWER_VERSION (what a switched-off version answers), and a value the
 * version's schema does not define (an unknown Dimension, Column, ReportQueryAdUnitView,
 * DateRangeType or ExportFormat; a namespace of another version) answers a {@code soap:Client}
 * "Unmarshalling Error" before any service logic runs. Both are SOAP faults on HTTP 500.
 *
 * <p>The enums are dfp-axis 5.10.0's v202508 types; v202511 to v202605 define the same values (see
 * {@code GamContractTest}).
 */
public final class AdManagerSoapContract {
  private static final String TYPES = "v202508";
  private static final Map<String, String> ENUM_ELEMENTS =
      Map.of(
          "dimensions", "Dimension",
          "columns", "Column",
          "adUnitView", "ReportQueryAdUnitView",
          "dateRangeType", "DateRangeType",
          "exportFormat", "ExportFormat");

  private AdManagerSoapContract() {}

  /** What Ad Manager answers a request: a fault, or empty when the request is well formed. */
  public static Optional<String> check(String version, String envelope) {
    if (!PublishedDefinitions.adManagerVersions().contains(version)) {
      return Optional.of(
          fault(
              version,
              "soap:Server",
              "[ApiVersionError.UPDATE_TO_NEWER_VERSION @ version; trigger:'Version "
                  + version
                  + " was deprecated and is now disabled. Please check the Ad Manager API"
                  + " deprecation schedule for supported versions.']"));
    }
    String namespace = "https://www.google.com/apis/ads/publisher/" + version;
    if (!envelope.contains("xmlns=\"" + namespace + "\"")) {
      return Optional.of(
          fault(
              version,
              "soap:Client",
              "Unmarshalling Error: the request's elements are not in " + namespace));
    }
    for (Map.Entry<String, String> element : ENUM_ELEMENTS.entrySet()) {
      Set<String> defined = PublishedDefinitions.adManagerEnum(TYPES, element.getValue());
      Matcher m =
          Pattern.compile("<" + element.getKey() + ">([^<]*)</" + element.getKey() + ">")
              .matcher(envelope);
      while (m.find()) {
        if (!defined.contains(m.group(1))) {
          return Optional.of(
              fault(
                  version,
                  "soap:Client",
                  "Unmarshalling Error: cvc-enumeration-valid: Value '"
                      + m.group(1)
                      + "' is not facet-valid with respect to enumeration of "
                      + element.getValue()
                      + ". It must be a value from the enumeration."));
        }
      }
    }
    return Optional.empty();
  }

  private static String fault(String version, String code, String text) {
    String escaped = text.replace("&", "&amp;").replace("<", "&lt;");
    return "<?xml version=\"1.0\" encoding=\"UTF-8\"?><soap:Envelope"
        + " xmlns:soap=\"http://schemas.xmlsoap.org/soap/envelope/\"><soap:Body><soap:Fault>"
        + "<faultcode>"
        + code
        + "</faultcode><faultstring>"
        + escaped
        + "</faultstring>"
        + (code.equals("soap:Server")
            ? "<detail><ApiExceptionFault xmlns=\"https://www.google.com/apis/ads/publisher/"
                + version
                + "\"><message>"
                + escaped
                + "</message><errors xmlns:xsi=\"http://www.w3.org/2001/XMLSchema-instance\""
                + " xsi:type=\"ApiVersionError\"><fieldPath>version</fieldPath><errorString>"
                + "ApiVersionError.UPDATE_TO_NEWER_VERSION</errorString><reason>"
                + "UPDATE_TO_NEWER_VERSION</reason></errors></ApiExceptionFault></detail>"
            : "")
        + "</soap:Fault></soap:Body></soap:Envelope>";
  }
}
