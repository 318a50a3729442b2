package io.adlake.jobs.ingest;

import io.adlake.catalog.landing.LandingStore;
import io.adlake.transforms.formats.ExportFormat;
import io.adlake.transforms.formats.ExportFormats;
import io.adlake.transforms.formats.ParsedLine;
import java.io.IOException;
import java.io.InputStream;
import java.util.Iterator;
import java.util.List;
import org.apache.spark.api.java.function.FlatMapFunction;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.types.StructField;
import scala.collection.JavaConverters;

/**
 * Runs on an executor: reads one file through its format and yields one envelope row per line
 * (accepted, quarantined or footer), streaming, so a file is never held in memory whole.
 */
final class ParseFile implements FlatMapFunction<FileTask, Row> {

  static final String ACCEPTED = "accepted";
  static final String QUARANTINED = "quarantined";
  static final String FOOTER = "footer";

  private final LandingStore store;

  ParseFile(LandingStore store) {
    this.store = store;
  }

  @Override
  public Iterator<Row> call(FileTask task) {
    ExportFormat format = ExportFormats.byName(task.format());
    StructField[] fields = format.columns().fields();
    Iterator<ParsedLine> lines;
    try {
      InputStream in = ExportStreams.open(store, task.uri());
      lines = format.parse(in, task.options());
    } catch (IOException e) {
      ParsedLine unreadable =
          ParsedLine.quarantined(0, "", "file could not be read: " + e.getMessage());
      return List.of(row(task, unreadable, fields, format)).iterator();
    }
    return new Iterator<>() {
      @Override
      public boolean hasNext() {
        return lines.hasNext();
      }

      @Override
      public Row next() {
        return row(task, lines.next(), fields, format);
      }
    };
  }

  private static Row row(
      FileTask task, ParsedLine line, StructField[] fields, ExportFormat format) {
    int lineage = BronzeRows.LINEAGE.size();
    Object[] values = new Object[lineage + fields.length + BronzeRows.OUTCOME.size()];
    values[0] = task.orgId();
    values[1] = task.deliveryDate();
    values[2] = task.uri();
    values[3] = task.checksum();
    values[4] = task.batchId();
    values[5] = task.ingestedAt();
    values[6] = line.lineNumber();
    if (line.kind() == ParsedLine.Kind.ACCEPTED) {
      int own = format.fields().size();
      for (int i = 0; i < own; i++) {
        values[lineage + i] = BronzeRows.external(line.value(i), fields[i].dataType());
      }
      if (format.keepsExtraColumns()) {
        values[lineage + own] = JavaConverters.mapAsScalaMap(line.extras());
      }
    }
    int outcome = lineage + fields.length;
    values[outcome] =
        switch (line.kind()) {
          case ACCEPTED -> ACCEPTED;
          case QUARANTINED -> QUARANTINED;
          case FOOTER -> FOOTER;
        };
    values[outcome + 1] = line.reason();
    values[outcome + 2] = line.kind() == ParsedLine.Kind.ACCEPTED ? null : line.rawLine();
    return RowFactory.create(values);
  }
}
