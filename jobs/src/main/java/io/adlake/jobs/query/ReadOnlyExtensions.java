package io.adlake.jobs.query;

import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.SparkSessionExtensions;
import org.apache.spark.sql.catalyst.parser.ParserInterface;
import scala.runtime.AbstractFunction1;
import scala.runtime.AbstractFunction2;
import scala.runtime.BoxedUnit;

/**
 * {@code spark.sql.extensions} entry that makes a Spark session read-only for SQL text. Listed
 * after Iceberg's extensions, so it wraps Iceberg's parser and sees its CALL statements too.
 */
public final class ReadOnlyExtensions extends AbstractFunction1<SparkSessionExtensions, BoxedUnit> {

  @Override
  public BoxedUnit apply(SparkSessionExtensions extensions) {
    extensions.injectParser(
        new AbstractFunction2<>() {
          @Override
          public ParserInterface apply(SparkSession session, ParserInterface parser) {
            return new ReadOnlySqlParser(parser);
          }
        });
    return BoxedUnit.UNIT;
  }
}
