package io.adlake.model;

/** An ad platform whose delivery lands in silver. {@link #code()} is the value of the {@code platform} column. */
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
}
