package io.adlake.model.config;

import io.adlake.model.ConfigException;
import java.util.List;
import java.util.Map;

/**
 * How {@code adlake serve} exposes the lakehouse to BI tools over the HiveServer2 protocol ({@code
 * serve} in {@code conf/adlake.yaml}).
 *
 * @param host address the endpoint binds to; loopback unless a profile opens it on purpose
 * @param port HiveServer2 binary-protocol port
 * @param authentication HiveServer2's {@code hive.server2.authentication}: {@code NONE} (any user
 *     name, no password checked), {@code NOSASL}, or {@code LDAP} with its settings in {@code
 *     hiveConf}
 * @param namespaces lakehouse namespaces whose tables become views of the same name for BI table
 *     browsers
 * @param refreshSeconds how often the views are matched to the catalog's tables (new tables,
 *     changed columns)
 * @param sparkJars folder holding Spark's Thrift-server and Hive jars (a pyspark 3.5.9 install's
 *     {@code pyspark/jars}); blank means look for the repository's {@code .venv}
 * @param hiveConf further {@code hive.server2.*} settings, e.g. the LDAP URL; never secrets
 */
public record ServeSettings(
    String host,
    int port,
    String authentication,
    List<String> namespaces,
    int refreshSeconds,
    String sparkJars,
    Map<String, String> hiveConf) {

  public static final List<String> AUTHENTICATIONS = List.of("NONE", "NOSASL", "LDAP");

  public ServeSettings {
    if (port < 1 || port > 65535) {
      throw new ConfigException("serve.port must be between 1 and 65535, was " + port);
    }
    if (!AUTHENTICATIONS.contains(authentication)) {
      throw new ConfigException(
          "serve.authentication must be one of "
              + AUTHENTICATIONS
              + ", was '"
              + authentication
              + "'");
    }
    if (refreshSeconds < 1) {
      throw new ConfigException("serve.refresh_seconds must be at least 1, was " + refreshSeconds);
    }
    for (String namespace : namespaces) {
      if (!namespace.matches("[a-z][a-z0-9_]*")) {
        throw new ConfigException(
            "serve.namespaces: '"
                + namespace
                + "' is not a namespace name (lower case letters, digits, _)");
      }
    }
    namespaces = List.copyOf(namespaces);
    hiveConf = Map.copyOf(hiveConf);
  }

  public static ServeSettings defaults() {
    return new ServeSettings(
        "127.0.0.1", 10000, "NONE", List.of("gold", "silver"), 30, "", Map.of());
  }
}
