package io.adlake.model.org;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import java.io.Serializable;
import java.util.regex.Pattern;

/**
 * An organisation's id. It becomes part of folder names, S3 keys and table partitions, so it is
 * held to a strict pattern: 3 to 32 characters, lower-case letters, digits and inner hyphens,
 * starting with a letter. Nothing that could climb out of a folder ({@code ..}, {@code /}) or need
 * quoting can pass.
 */
public record OrgId(String value) implements Serializable, Comparable<OrgId> {

  public static final Pattern PATTERN = Pattern.compile("^[a-z][a-z0-9-]{1,30}[a-z0-9]$");

  public OrgId {
    if (value == null || !PATTERN.matcher(value).matches() || value.contains("--")) {
      throw new IllegalArgumentException(
          "invalid org id '"
              + value
              + "': use 3-32 lower-case letters, digits and single inner hyphens, starting with a letter");
    }
  }

  @JsonCreator
  public static OrgId of(String value) {
    return new OrgId(value);
  }

  @JsonValue
  @Override
  public String value() {
    return value;
  }

  @Override
  public int compareTo(OrgId other) {
    return value.compareTo(other.value);
  }

  @Override
  public String toString() {
    return value;
  }
}
