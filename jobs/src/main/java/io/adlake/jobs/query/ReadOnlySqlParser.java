package io.adlake.jobs.query;

import java.util.function.Supplier;
import org.apache.spark.sql.catalyst.FunctionIdentifier;
import org.apache.spark.sql.catalyst.TableIdentifier;
import org.apache.spark.sql.catalyst.expressions.Expression;
import org.apache.spark.sql.catalyst.parser.ParseException;
import org.apache.spark.sql.catalyst.parser.ParserInterface;
import org.apache.spark.sql.catalyst.plans.logical.LogicalPlan;
import org.apache.spark.sql.types.DataType;
import org.apache.spark.sql.types.StructType;
import scala.collection.Seq;

/**
 * Spark's SQL parser with {@link ReadOnlyStatements} in front of it: a statement that would change
 * anything is refused before it is planned. Installed by {@link ReadOnlyExtensions} in the BI
 * endpoint's Spark, where every client statement passes through {@link #parsePlan}. The endpoint's
 * own upkeep (the views it keeps for BI browsers) runs inside {@link #asServer}, which a client's
 * statement, on a thread of its own, cannot reach.
 */
final class ReadOnlySqlParser implements ParserInterface {

  private static final ThreadLocal<Boolean> SERVER = ThreadLocal.withInitial(() -> false);

  private final ParserInterface delegate;

  ReadOnlySqlParser(ParserInterface delegate) {
    this.delegate = delegate;
  }

  /** Runs the endpoint's own DDL on this thread, past the read-only check. */
  static <T> T asServer(Supplier<T> work) {
    SERVER.set(true);
    try {
      return work.get();
    } finally {
      SERVER.set(false);
    }
  }

  @Override
  public LogicalPlan parsePlan(String sqlText) throws ParseException {
    LogicalPlan plan = delegate.parsePlan(sqlText);
    if (!SERVER.get()) {
      ReadOnlyStatements.refusal(plan)
          .ifPresent(
              reason -> {
                throw new ReadOnlyViolation("this endpoint is read-only: " + reason);
              });
    }
    return plan;
  }

  @Override
  public LogicalPlan parseQuery(String sqlText) throws ParseException {
    return delegate.parseQuery(sqlText);
  }

  @Override
  public Expression parseExpression(String sqlText) throws ParseException {
    return delegate.parseExpression(sqlText);
  }

  @Override
  public TableIdentifier parseTableIdentifier(String sqlText) throws ParseException {
    return delegate.parseTableIdentifier(sqlText);
  }

  @Override
  public FunctionIdentifier parseFunctionIdentifier(String sqlText) throws ParseException {
    return delegate.parseFunctionIdentifier(sqlText);
  }

  @Override
  public Seq<String> parseMultipartIdentifier(String sqlText) throws ParseException {
    return delegate.parseMultipartIdentifier(sqlText);
  }

  @Override
  public StructType parseTableSchema(String sqlText) throws ParseException {
    return delegate.parseTableSchema(sqlText);
  }

  @Override
  public DataType parseDataType(String sqlText) throws ParseException {
    return delegate.parseDataType(sqlText);
  }
}
