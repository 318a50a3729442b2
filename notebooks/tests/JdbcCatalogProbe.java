import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.Statement;

/**
 * What a JDBC BI tool (Tableau's, Metabase's or DBeaver's table browser) sees of `adlake serve`: the schemas,
 * tables and columns through DatabaseMetaData, as the Hive JDBC driver (hive-jdbc 2.3.9, from pyspark's jars)
 * reports them, then the rows of a query. Run as a single-file program:
 *   java -cp '<pyspark>/jars/*' JdbcCatalogProbe.java jdbc:hive2://127.0.0.1:10000/gold "select ..."
 * Prints tab-separated lines: schema, table, column (with the JDBC type name), row.
 */
public class JdbcCatalogProbe {
  public static void main(String[] args) throws Exception {
    Class.forName("org.apache.hive.jdbc.HiveDriver");
    try (Connection connection = DriverManager.getConnection(args[0], "analyst", "")) {
      DatabaseMetaData meta = connection.getMetaData();
      System.out.println("driver\t" + meta.getDriverName() + "\t" + meta.getDriverVersion() + "\t" + meta.getDatabaseProductName() + "\t" + meta.getDatabaseProductVersion());
      try (ResultSet schemas = meta.getSchemas()) {
        while (schemas.next()) {
          System.out.println("schema\t" + schemas.getString("TABLE_SCHEM"));
        }
      }
      try (ResultSet tables = meta.getTables(null, "%", "%", null)) {
        while (tables.next()) {
          System.out.println("table\t" + tables.getString("TABLE_SCHEM") + "\t" + tables.getString("TABLE_NAME") + "\t" + tables.getString("TABLE_TYPE"));
        }
      }
      try (ResultSet columns = meta.getColumns(null, "gold", "pacing", "%")) {
        while (columns.next()) {
          System.out.println("column\tgold\tpacing\t" + columns.getString("COLUMN_NAME") + "\t" + columns.getString("TYPE_NAME"));
        }
      }
      for (int i = 1; i < args.length; i++) {
        try (Statement statement = connection.createStatement(); ResultSet rows = statement.executeQuery(args[i])) {
          ResultSetMetaData shape = rows.getMetaData();
          while (rows.next()) {
            StringBuilder line = new StringBuilder("row\t" + i);
            for (int c = 1; c <= shape.getColumnCount(); c++) {
              line.append('\t').append(rows.getString(c));
            }
            System.out.println(line);
          }
        }
      }
    }
  }
}
