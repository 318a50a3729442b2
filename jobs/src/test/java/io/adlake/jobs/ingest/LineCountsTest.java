package io.adlake.jobs.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class LineCountsTest {

  @Test
  void rowsReadAreAcceptedPlusQuarantinedAndFooterLinesAreNotRows() {
    LineCounts counts =
        LineCounts.NONE
            .plus(ParseFile.ACCEPTED, 3)
            .plus(ParseFile.QUARANTINED, 4)
            .plus(ParseFile.FOOTER, 5)
            .plus(ParseFile.ACCEPTED, 2);

    assertThat(counts).isEqualTo(new LineCounts(5, 4, 5));
    assertThat(counts.rowsRead()).isEqualTo(9);
    assertThat(LineCounts.NONE.rowsRead()).isZero();
  }

  @Test
  void aStatusOtherThanAcceptedOrQuarantinedCountsAsAFooterLine() {
    assertThat(LineCounts.NONE.plus("something new", 2)).isEqualTo(new LineCounts(0, 0, 2));
  }
}
