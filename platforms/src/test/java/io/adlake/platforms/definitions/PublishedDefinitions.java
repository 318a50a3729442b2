package io.adlake.platforms.definitions;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import org.objectweb.asm.ClassReader;
import org.objectweb.asm.ClassVisitor;
import org.objectweb.asm.FieldVisitor;
import org.objectweb.asm.Opcodes;

/**
 * The platforms' own machine-readable definitions, as their publishers ship them: the truth the
 * contract tests and the fake servers check adlake's requests against, so a misreading shared by
 * the code and its tests cannot pass. The build fetches them, pinned by version and checksum (the
 * root pom's download-maven-plugin, into {@code target/definitions}); Ad Manager's generated SOAP
 * types come as the test dependency {@code com.google.api-ads:dfp-axis}.
 *
 * <ul>
 *   <li>{@code google-api-python-client} 2.202.0: Google's discovery documents ({@code
 *       displayvideo.v4}, {@code doubleclickbidmanager.v2}), every path, method, schema, field and
 *       enum value with its {@code enumDeprecated} flag;
 *   <li>{@code googleads} 51.0.0: the Ad Manager SOAP versions the official client supports;
 *   <li>{@code dfp-axis} 5.10.0: Ad Manager's ReportService enums as of v202508;
 *   <li>{@code facebook-business} 26.0.3: the Graph API version the official SDK targets and each
 *       object's fields and enums.
 * </ul>
 */
public final class PublishedDefinitions {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final Map<String, Object> CACHE = new LinkedHashMap<>();

  private PublishedDefinitions() {}

  /** Where the build put the downloads: the tests' system property {@code adlake.definitions}. */
  public static Path root() {
    String dir = System.getProperty("adlake.definitions");
    if (dir == null || !Files.isDirectory(Path.of(dir))) {
      throw new IllegalStateException(
          "the platforms' definitions are not downloaded (system property adlake.definitions: "
              + dir
              + "); run the tests through Maven, whose generate-test-resources phase fetches them");
    }
    return Path.of(dir);
  }

  /** A Google discovery document of google-api-python-client, e.g. {@code displayvideo.v4}. */
  public static synchronized JsonNode googleDiscovery(String api) {
    return (JsonNode)
        CACHE.computeIfAbsent(
            "discovery:" + api,
            key ->
                readJson(
                    wheel("google_api_python_client-2.202.0-py3-none-any.whl"),
                    "googleapiclient/discovery_cache/documents/" + api + ".json"));
  }

  /**
   * The Ad Manager SOAP versions googleads 51.0.0 supports: the keys of {@code _SERVICE_MAP} in
   * {@code googleads/ad_manager.py}.
   */
  public static synchronized Set<String> adManagerVersions() {
    @SuppressWarnings("unchecked")
    Set<String> versions =
        (Set<String>)
            CACHE.computeIfAbsent(
                "googleads",
                key -> {
                  String source = read(root().resolve("googleads-51.0.0/googleads/ad_manager.py"));
                  String map = source.substring(source.indexOf("_SERVICE_MAP = {"));
                  Set<String> found = new LinkedHashSet<>();
                  Matcher m = Pattern.compile("\\n\\s{4}'(v\\d{6})':").matcher(map);
                  while (m.find()) {
                    found.add(m.group(1));
                  }
                  return Set.copyOf(found);
                });
    return versions;
  }

  /**
   * The values of one Ad Manager SOAP enum type (ReportService's {@code Dimension}, {@code Column},
   * ...) in dfp-axis's generated types for a version: the {@code _VALUE} string constants Axis
   * generates for each, read from the class file without loading Axis.
   */
  public static synchronized Set<String> adManagerEnum(String version, String type) {
    @SuppressWarnings("unchecked")
    Set<String> values =
        (Set<String>)
            CACHE.computeIfAbsent(
                "dfp:" + version + ":" + type,
                key -> {
                  String resource =
                      "com/google/api/ads/admanager/axis/" + version + "/" + type + ".class";
                  try (InputStream in =
                      PublishedDefinitions.class.getClassLoader().getResourceAsStream(resource)) {
                    if (in == null) {
                      throw new IllegalStateException("dfp-axis has no " + resource);
                    }
                    Set<String> found = new LinkedHashSet<>();
                    new ClassReader(in)
                        .accept(
                            new ClassVisitor(Opcodes.ASM9) {
                              @Override
                              public FieldVisitor visitField(
                                  int access,
                                  String name,
                                  String descriptor,
                                  String signature,
                                  Object value) {
                                if (name.startsWith("_") && value instanceof String constant) {
                                  found.add(constant);
                                }
                                return null;
                              }
                            },
                            ClassReader.SKIP_CODE);
                    return Set.copyOf(found);
                  } catch (IOException e) {
                    throw new UncheckedIOException(e);
                  }
                });
    return values;
  }

  /** The Graph API version facebook-business 26.0.3 targets ({@code apiconfig.py}). */
  public static String graphApiVersion() {
    String config = facebookSource("facebook_business/apiconfig.py");
    Matcher m = Pattern.compile("'API_VERSION':\\s*'(v[0-9.]+)'").matcher(config);
    if (!m.find()) {
      throw new IllegalStateException("facebook-business apiconfig.py names no API_VERSION");
    }
    return m.group(1);
  }

  /**
   * The values of a nested class of a facebook-business ad object ({@code adsinsights}'s {@code
   * Field}, {@code adset}'s {@code Status}): the string constants the SDK generates from Meta's
   * definitions.
   */
  public static synchronized Set<String> facebook(String module, String nestedClass) {
    @SuppressWarnings("unchecked")
    Set<String> values =
        (Set<String>)
            CACHE.computeIfAbsent(
                "fb:" + module + ":" + nestedClass,
                key -> {
                  String source = facebookSource("facebook_business/adobjects/" + module + ".py");
                  Set<String> found = new LinkedHashSet<>();
                  boolean inside = false;
                  for (String line : source.split("\n")) {
                    // A line at the object's own indent (a nested class, a method) ends the last
                    // nested class; the one named starts.
                    if (line.matches(" {4}\\S.*") || line.matches("\\S.*")) {
                      inside =
                          line.startsWith("    class " + nestedClass + "(")
                              || line.startsWith("    class " + nestedClass + ":");
                      continue;
                    }
                    Matcher m = Pattern.compile("^\\s{8}\\w+ = '([^']*)'").matcher(line);
                    if (inside && m.find()) {
                      found.add(m.group(1));
                    }
                  }
                  if (found.isEmpty()) {
                    throw new IllegalStateException(
                        "facebook-business " + module + ".py has no class " + nestedClass);
                  }
                  return Set.copyOf(found);
                });
    return values;
  }

  private static String facebookSource(String entry) {
    return readText(wheel("facebook_business-26.0.3-py3-none-any.whl"), entry);
  }

  private static Path wheel(String file) {
    Path wheel = root().resolve(file);
    if (!Files.isRegularFile(wheel)) {
      throw new IllegalStateException("not downloaded: " + wheel);
    }
    return wheel;
  }

  private static JsonNode readJson(Path zip, String entry) {
    try {
      return JSON.readTree(readText(zip, entry));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static String readText(Path zip, String entry) {
    try (ZipFile file = new ZipFile(zip.toFile())) {
      ZipEntry found = file.getEntry(entry);
      if (found == null) {
        throw new IllegalStateException(zip.getFileName() + " has no " + entry);
      }
      try (InputStream in = file.getInputStream(found)) {
        return new String(in.readAllBytes(), StandardCharsets.UTF_8);
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static String read(Path file) {
    try {
      return Files.readString(file);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
