package io.adlake.platforms.gam;

import io.adlake.platforms.fetch.FetchException;
import io.adlake.platforms.fetch.OrgFetch;
import io.adlake.platforms.fetch.ReportFetcher;
import io.adlake.platforms.fetch.ReportPoll;
import io.adlake.platforms.fetch.ReportShape;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.LocalDate;
import java.util.zip.GZIPInputStream;
import javax.xml.parsers.DocumentBuilderFactory;
import org.w3c.dom.Document;
import org.w3c.dom.NodeList;

/**
 * Google Ad Manager's report through ReportService, SOAP
 * (developers.google.com/ad-manager/api/reference/v202605/ReportService; "Run a report" in the API
 * guides): per report day {@code runReportJob} with a CUSTOM_DATE range of that day and the
 * dimensions and columns bronze reads, {@code getReportJobStatus} until COMPLETED (FAILED ends it),
 * {@code getReportDownloadUrlWithOptions} with exportFormat CSV_DUMP and gzip, then the download,
 * unzipped. The network is the org's account (its network code goes in every request's SOAP
 * header).
 */
final class GamReportFetch implements ReportFetcher {

  @Override
  public void fetch(OrgFetch fetch) {
    String network = fetch.requireAccount("the Ad Manager network code");
    if (!network.matches("[0-9]{1,20}")) {
      throw new IllegalStateException(
          "conf/connectors.yaml: orgs."
              + fetch.org()
              + ".gam account must be the network code (digits), was '"
              + network
              + "'");
    }
    URI service = fetch.base().resolve("ReportService");
    // The messages' namespace is the version the URL calls (checked against the version calendar
    // before the fetch began).
    String namespace =
        GamApi.namespace(GamApi.VERSIONS.versionIn(fetch.base()).orElse(GamApi.VERSION));
    for (LocalDate day = fetch.first(); !day.isAfter(fetch.last()); day = day.plusDays(1)) {
      String id =
          value(
              call(
                  fetch,
                  service,
                  namespace,
                  network,
                  "runReportJob",
                  reportJob(day),
                  "run a report job for " + day),
              "id");
      if (!id.matches("[0-9]{1,20}")) {
        throw new FetchException(
            FetchException.Kind.PLATFORM,
            "Ad Manager returned no report job id for " + day + " (" + fetch.calls().scope() + ")",
            null);
      }
      String what =
          "Ad Manager report job " + id + " for " + day + " (" + fetch.calls().scope() + ")";
      fetch
          .poll()
          .until(
              what,
              () -> {
                String status =
                    value(
                        call(
                            fetch,
                            service,
                            namespace,
                            network,
                            "getReportJobStatus",
                            "<reportJobId>" + id + "</reportJobId>",
                            "status of report job " + id),
                        "rval");
                if (GamApi.FAILED.equals(status)) {
                  throw new FetchException(
                      FetchException.Kind.PLATFORM, what + " FAILED on Ad Manager", null);
                }
                return GamApi.COMPLETED.equals(status)
                    ? ReportPoll.done(status)
                    : ReportPoll.notYet(status);
              });
      String options =
          "<reportJobId>"
              + id
              + "</reportJobId><reportDownloadOptions><exportFormat>"
              + GamApi.EXPORT_FORMAT
              + "</exportFormat><includeReportProperties>false</includeReportProperties>"
              + "<includeTotalsRow>false</includeTotalsRow><useGzipCompression>true</useGzipCompression></reportDownloadOptions>";
      String url =
          value(
              call(
                  fetch,
                  service,
                  namespace,
                  network,
                  "getReportDownloadUrlWithOptions",
                  options,
                  "download URL of report job " + id),
              "rval");
      if (!url.startsWith("https://") && !url.startsWith("http://")) {
        throw new FetchException(
            FetchException.Kind.PLATFORM, what + " is COMPLETED but gave no download URL", null);
      }
      Path gz = fetch.scratch().resolve("gam-" + day + ".csv.gz");
      Path csv = fetch.scratch().resolve("gam-" + day + ".csv");
      fetch.calls().download(URI.create(url), gz, false, "download " + what);
      try (InputStream in = new GZIPInputStream(Files.newInputStream(gz))) {
        Files.copy(in, csv, StandardCopyOption.REPLACE_EXISTING);
      } catch (IOException e) {
        throw new FetchException(
            FetchException.Kind.TRUNCATED,
            what
                + ": the download is not a whole gzip file ("
                + e.getMessage()
                + "); nothing was landed",
            e);
      }
      fetch.land(day, "csv", csv, ReportShape.CSV);
    }
  }

  static String reportJob(LocalDate day) {
    StringBuilder query = new StringBuilder("<reportJob><reportQuery>");
    GamApi.DIMENSIONS.forEach(d -> query.append("<dimensions>").append(d).append("</dimensions>"));
    query.append("<adUnitView>").append(GamApi.AD_UNIT_VIEW).append("</adUnitView>");
    GamApi.COLUMNS.forEach(c -> query.append("<columns>").append(c).append("</columns>"));
    query
        .append("<startDate>")
        .append(date(day))
        .append("</startDate><endDate>")
        .append(date(day))
        .append("</endDate>");
    return query
        .append("<dateRangeType>")
        .append(GamApi.DATE_RANGE_TYPE)
        .append("</dateRangeType></reportQuery></reportJob>")
        .toString();
  }

  private static String date(LocalDate day) {
    return "<year>"
        + day.getYear()
        + "</year><month>"
        + day.getMonthValue()
        + "</month><day>"
        + day.getDayOfMonth()
        + "</day>";
  }

  /**
   * One SOAP call: the network in the RequestHeader, the token as a bearer header; the answer's
   * body parsed.
   */
  private static Document call(
      OrgFetch fetch,
      URI service,
      String namespace,
      String network,
      String operation,
      String parameters,
      String what) {
    String envelope =
        "<?xml version=\"1.0\" encoding=\"UTF-8\"?><soapenv:Envelope xmlns:soapenv=\"http://schemas.xmlsoap.org/soap/envelope/\" xmlns=\""
            + namespace
            + "\"><soapenv:Header><RequestHeader><networkCode>"
            + network
            + "</networkCode><applicationName>adlake</applicationName>"
            + "</RequestHeader></soapenv:Header><soapenv:Body><"
            + operation
            + ">"
            + parameters
            + "</"
            + operation
            + "></soapenv:Body></soapenv:Envelope>";
    String answer =
        fetch
            .calls()
            .send(
                b ->
                    b.uri(service)
                        .header("Content-Type", "text/xml; charset=utf-8")
                        .header("SOAPAction", "\"\"")
                        .POST(HttpRequest.BodyPublishers.ofString(envelope)),
                what)
            .body();
    try {
      DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
      factory.setNamespaceAware(true);
      factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
      return factory
          .newDocumentBuilder()
          .parse(new ByteArrayInputStream(answer.getBytes(StandardCharsets.UTF_8)));
    } catch (Exception e) {
      throw new FetchException(
          FetchException.Kind.PLATFORM,
          "Ad Manager answered "
              + what
              + " with something that is not SOAP ("
              + fetch.calls().scope()
              + ")",
          e);
    }
  }

  private static String value(Document answer, String element) {
    NodeList found = answer.getElementsByTagNameNS("*", element);
    return found.getLength() == 0 ? "" : found.item(0).getTextContent().strip();
  }
}
