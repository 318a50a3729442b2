package io.adlake.model;

import java.util.Arrays;
import java.util.List;

/**
 * An ad platform whose delivery lands in silver. {@link #code()} is the value of the {@code
 * platform} column.
 */
public enum Platform {
  DV360("dv360", "Display & Video 360"),
  TTD("ttd", "The Trade Desk"),
  META("meta", "Meta");

  private final String code;
  private final String displayName;

  Platform(String code, String displayName) {
    this.code = code;
    this.displayName = displayName;
  }

  public String code() {
    return code;
  }

  public String displayName() {
    return displayName;
  }

  /**
   * The platform of a {@code platform} column value; an unknown one is refused with the codes there
   * are.
   */
  public static Platform ofCode(String code) {
    for (Platform platform : values()) {
      if (platform.code.equals(code)) {
        return platform;
      }
    }
    throw new IllegalArgumentException("no platform '" + code + "'; platforms are " + codes());
  }

  /** The codes, in declaration order: dv360, ttd, meta. */
  public static List<String> codes() {
    return Arrays.stream(values()).map(Platform::code).toList();
  }
}
