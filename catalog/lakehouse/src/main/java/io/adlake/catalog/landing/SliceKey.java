package io.adlake.catalog.landing;

import io.adlake.model.Source;
import io.adlake.model.org.OrgId;
import java.io.Serializable;
import java.time.LocalDate;

/**
 * One delivery: an org's export of a source for a delivery date. A slice is replaced as a whole
 * when it is delivered again with different content.
 */
public record SliceKey(OrgId org, Source source, LocalDate deliveryDate) implements Serializable {

  /** The landing path of this slice relative to the landing root: {@code org/source/yyyy-mm-dd}. */
  public String relativePath() {
    return org.value() + "/" + source.id() + "/" + deliveryDate;
  }

  @Override
  public String toString() {
    return relativePath();
  }
}
