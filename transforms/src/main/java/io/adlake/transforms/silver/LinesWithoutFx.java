package io.adlake.transforms.silver;

import static org.apache.spark.sql.functions.coalesce;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.sum;
import static org.apache.spark.sql.functions.when;

import org.apache.spark.sql.Column;

/**
 * The one rule for lines {@link FxConversion} could not convert, which every roll-up of converted
 * amounts follows.
 *
 * <ul>
 *   <li>Which lines: those whose {@code fx_status} is {@code missing_rate}. Their converted amounts
 *       are null, so a sum leaves them out by itself and never adds an amount in another currency.
 *   <li>Counted: a roll-up keeps how many it left out in {@code lines_without_fx} ({@link #count}
 *       from lines, {@link #recount} from rows already rolled up), so a partial sum is told apart
 *       from a whole one.
 *   <li>Excluded: a figure that must not stand on part of its lines is null unless that count is 0
 *       ({@link #whenAllConverted}). Which figures those are is each roll-up's call, said in its
 *       Javadoc: a total that a verdict is drawn from (a silver supply row's, a reconciled deal's)
 *       is nulled; a report shows its partial sums next to the count and nulls only what derives
 *       from the cost (a CPM, a margin).
 * </ul>
 */
public final class LinesWithoutFx {
  private LinesWithoutFx() {}

  /** The count's column, in every roll-up that keeps it. */
  public static final String COLUMN = "lines_without_fx";

  /** True for a line without a rate. */
  public static Column lacksRate() {
    return col("fx_status").equalTo(FxConversion.MISSING_RATE);
  }

  /** Aggregate over converted lines: how many lack a rate, as {@code lines_without_fx} (a long). */
  public static Column count() {
    return sum(when(lacksRate(), 1).otherwise(0)).as(COLUMN);
  }

  /**
   * Aggregate over rows a roll-up already counted: their counts added, as {@code lines_without_fx}.
   */
  public static Column recount() {
    return sum(col(COLUMN)).as(COLUMN);
  }

  /** The count of a row no line rolled into (null after an outer join): none, 0. */
  public static Column orNone() {
    return coalesce(col(COLUMN), lit(0L));
  }

  /** True where the row's every line was converted. */
  public static Column allConverted() {
    return col(COLUMN).equalTo(0);
  }

  /**
   * {@code figure} where the row's every line was converted, else null: never a figure of part of
   * the lines.
   */
  public static Column whenAllConverted(Column figure) {
    return when(allConverted(), figure);
  }
}
