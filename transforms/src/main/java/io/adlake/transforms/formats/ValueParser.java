package io.adlake.transforms.formats;

import io.adlake.model.org.SourceOptions;
import java.io.Serializable;

/** Turns one non-empty cell into its typed value, or says why it cannot. */
@FunctionalInterface
public interface ValueParser extends Serializable {
  Object parse(String cell, SourceOptions options) throws BadValueException;
}
