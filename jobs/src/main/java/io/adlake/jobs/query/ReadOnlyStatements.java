package io.adlake.jobs.query;

import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import org.apache.spark.sql.catalyst.plans.logical.Command;
import org.apache.spark.sql.catalyst.plans.logical.DescribeColumn;
import org.apache.spark.sql.catalyst.plans.logical.DescribeFunction;
import org.apache.spark.sql.catalyst.plans.logical.DescribeNamespace;
import org.apache.spark.sql.catalyst.plans.logical.DescribeRelation;
import org.apache.spark.sql.catalyst.plans.logical.LogicalPlan;
import org.apache.spark.sql.catalyst.plans.logical.ParsedStatement;
import org.apache.spark.sql.catalyst.plans.logical.SetCatalogAndNamespace;
import org.apache.spark.sql.catalyst.plans.logical.ShowColumns;
import org.apache.spark.sql.catalyst.plans.logical.ShowCreateTable;
import org.apache.spark.sql.catalyst.plans.logical.ShowFunctions;
import org.apache.spark.sql.catalyst.plans.logical.ShowNamespaces;
import org.apache.spark.sql.catalyst.plans.logical.ShowPartitions;
import org.apache.spark.sql.catalyst.plans.logical.ShowTableExtended;
import org.apache.spark.sql.catalyst.plans.logical.ShowTableProperties;
import org.apache.spark.sql.catalyst.plans.logical.ShowTables;
import org.apache.spark.sql.catalyst.plans.logical.ShowViews;
import org.apache.spark.sql.execution.command.DescribeQueryCommand;
import org.apache.spark.sql.execution.command.ExplainCommand;
import org.apache.spark.sql.execution.command.SetCommand;
import org.apache.spark.sql.execution.command.ShowCatalogsCommand;
import scala.collection.JavaConverters;

/**
 * Tells a statement that only reads from one that changes something, on the plan Spark's parser
 * returns (before anything runs). A query is read-only; so are the statements on an allow-list
 * (SHOW, DESCRIBE, EXPLAIN, USE, a SET that only reads a setting). Every other command is a change:
 * DDL, INSERT/MERGE/UPDATE/DELETE, Iceberg's CALL procedures, CACHE/REFRESH, ADD JAR, SET with a
 * value. An allow-list, not a deny-list, so a statement kind this class has never heard of is
 * refused rather than run.
 */
public final class ReadOnlyStatements {
  private ReadOnlyStatements() {}

  private static final Set<Class<?>> READ_ONLY_COMMANDS =
      Set.of(
          ShowTables.class,
          ShowTableExtended.class,
          ShowNamespaces.class,
          ShowViews.class,
          ShowColumns.class,
          ShowFunctions.class,
          ShowTableProperties.class,
          ShowCreateTable.class,
          ShowPartitions.class,
          ShowCatalogsCommand.class,
          DescribeRelation.class,
          DescribeColumn.class,
          DescribeNamespace.class,
          DescribeFunction.class,
          DescribeQueryCommand.class,
          ExplainCommand.class,
          SetCatalogAndNamespace.class);

  /**
   * Why the parsed statement is not read-only, or empty when it is.
   *
   * @param parsed what {@code spark.sessionState().sqlParser().parsePlan(sql)} returned
   */
  public static Optional<String> refusal(LogicalPlan parsed) {
    if (isStatement(parsed) && !readOnly(parsed)) {
      return Optional.of(describe(parsed) + " changes the lakehouse or the session");
    }
    // A command nested in a query (WITH ... INSERT, a CTE around a MERGE) is refused too.
    for (LogicalPlan child : JavaConverters.seqAsJavaList(parsed.children())) {
      Optional<String> nested = refusal(child);
      if (nested.isPresent()) {
        return nested;
      }
    }
    return Optional.empty();
  }

  private static boolean isStatement(LogicalPlan plan) {
    return plan instanceof Command || plan instanceof ParsedStatement;
  }

  private static boolean readOnly(LogicalPlan plan) {
    if (plan instanceof SetCommand set) {
      // SET and SET key read; SET key=value changes the session (a catalog's settings among them).
      return set.kv().isEmpty() || set.kv().get()._2().isEmpty();
    }
    return READ_ONLY_COMMANDS.contains(plan.getClass());
  }

  /**
   * DropTable -> "DROP TABLE"-like wording from the plan's class name, which is what Spark calls
   * the statement.
   */
  private static String describe(LogicalPlan plan) {
    String name = plan.getClass().getSimpleName().replaceAll("(Command|Statement)$", "");
    String words = name.replaceAll("([a-z])([A-Z])", "$1 $2").toUpperCase(Locale.ROOT);
    return ("AEIOU".indexOf(words.charAt(0)) >= 0 ? "an " : "a ")
        + words
        + " statement ("
        + plan.getClass().getSimpleName()
        + ")";
  }
}
