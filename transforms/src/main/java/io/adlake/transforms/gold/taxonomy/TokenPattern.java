package io.adlake.transforms.gold.taxonomy;

import io.adlake.model.ConfigException;
import java.io.Serializable;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;

/**
 * A token pattern in adlake's own small grammar, matched without any regex engine, so no pattern an
 * org writes can backtrack catastrophically: matching is a table over (element, position) and costs
 * at most elements x length x 32 steps.
 *
 * <pre>
 * pattern := element+                      at most 100 characters
 * element := unit repeat? | "literal"      literal: 1 to 32 printable characters, no double quote
 * unit    := YYYY | MM | DD | 9 | A | X    year 1900-2099, month 01-12, day 01-31, digit, capital letter,
 *                                          capital letter or digit
 * repeat  := {n} | {min,max}               only after 9, A or X; 1 &lt;= min &lt;= max &lt;= 32
 * </pre>
 *
 * Examples: {@code YYYYMM} (202611), {@code A{2,8}} (ACME), {@code "LI"9{1,3}} (LI12).
 */
public final class TokenPattern implements Serializable {

  static final int MAX_PATTERN = 100;
  static final int MAX_REPEAT = 32;

  private enum Kind {
    LITERAL,
    YEAR,
    MONTH,
    DAY,
    DIGIT,
    LETTER,
    ALNUM
  }

  private record Element(Kind kind, String literal, int min, int max) implements Serializable {}

  private final String source;
  private final List<Element> elements;

  private TokenPattern(String source, List<Element> elements) {
    this.source = source;
    this.elements = List.copyOf(elements);
  }

  public static TokenPattern compile(String pattern) {
    if (pattern == null || pattern.isEmpty()) {
      throw error(pattern, 0, "an empty pattern");
    }
    if (pattern.length() > MAX_PATTERN) {
      throw new ConfigException(
          "taxonomy pattern longer than "
              + MAX_PATTERN
              + " characters: '"
              + pattern.substring(0, 40)
              + "...'");
    }
    List<Element> elements = new ArrayList<>();
    int i = 0;
    while (i < pattern.length()) {
      char c = pattern.charAt(i);
      if (c == '"') {
        int close = pattern.indexOf('"', i + 1);
        if (close < 0) {
          throw error(pattern, i, "a literal that is never closed");
        }
        String text = pattern.substring(i + 1, close);
        if (text.isEmpty()
            || text.length() > MAX_REPEAT
            || !text.chars().allMatch(ch -> ch > 0x20 && ch < 0x7f)) {
          throw error(
              pattern,
              i,
              "a literal that is empty, longer than " + MAX_REPEAT + " or not printable ASCII");
        }
        elements.add(new Element(Kind.LITERAL, text, 1, 1));
        i = close + 1;
      } else if (pattern.startsWith("YYYY", i)) {
        elements.add(new Element(Kind.YEAR, null, 1, 1));
        i += 4;
      } else if (pattern.startsWith("MM", i)) {
        elements.add(new Element(Kind.MONTH, null, 1, 1));
        i += 2;
      } else if (pattern.startsWith("DD", i)) {
        elements.add(new Element(Kind.DAY, null, 1, 1));
        i += 2;
      } else if (c == '9' || c == 'A' || c == 'X') {
        Kind kind = c == '9' ? Kind.DIGIT : c == 'A' ? Kind.LETTER : Kind.ALNUM;
        int min = 1;
        int max = 1;
        i++;
        if (i < pattern.length() && pattern.charAt(i) == '{') {
          int close = pattern.indexOf('}', i);
          if (close < 0) {
            throw error(pattern, i, "a '{' without '}'");
          }
          String[] bounds = pattern.substring(i + 1, close).split(",", -1);
          try {
            min = Integer.parseInt(bounds[0].trim());
            max = bounds.length == 1 ? min : Integer.parseInt(bounds[1].trim());
          } catch (NumberFormatException e) {
            throw error(pattern, i, "a repeat that is not {n} or {min,max}");
          }
          if (bounds.length > 2 || min < 1 || max < min || max > MAX_REPEAT) {
            throw error(pattern, i, "a repeat outside 1 <= min <= max <= " + MAX_REPEAT);
          }
          i = close + 1;
        }
        elements.add(new Element(kind, null, min, max));
      } else {
        throw error(pattern, i, "'" + c + "'");
      }
    }
    return new TokenPattern(pattern, elements);
  }

  /** True when the whole value matches. */
  public boolean matches(String value) {
    int n = value.length();
    // reachable[p]: the elements seen so far can end exactly at position p
    boolean[] reachable = new boolean[n + 1];
    reachable[0] = true;
    for (Element e : elements) {
      boolean[] next = new boolean[n + 1];
      for (int p = 0; p <= n; p++) {
        if (!reachable[p]) {
          continue;
        }
        switch (e.kind()) {
          case LITERAL -> {
            if (value.startsWith(e.literal(), p)) {
              next[p + e.literal().length()] = true;
            }
          }
          case YEAR -> mark(next, p, 4, value, v -> v.startsWith("19") || v.startsWith("20"));
          case MONTH -> mark(next, p, 2, value, v -> between(v, 1, 12));
          case DAY -> mark(next, p, 2, value, v -> between(v, 1, 31));
          default -> {
            for (int k = 1; k <= e.max() && p + k <= n; k++) {
              if (!accepts(e.kind(), value.charAt(p + k - 1))) {
                break;
              }
              if (k >= e.min()) {
                next[p + k] = true;
              }
            }
          }
        }
      }
      reachable = next;
    }
    return reachable[n];
  }

  @Override
  public String toString() {
    return source;
  }

  private static void mark(boolean[] next, int p, int width, String value, Predicate<String> ok) {
    if (p + width > value.length()) {
      return;
    }
    String part = value.substring(p, p + width);
    if (part.chars().allMatch(ch -> ch >= '0' && ch <= '9') && ok.test(part)) {
      next[p + width] = true;
    }
  }

  private static boolean between(String digits, int low, int high) {
    int v = Integer.parseInt(digits);
    return v >= low && v <= high;
  }

  private static boolean accepts(Kind kind, char c) {
    boolean digit = c >= '0' && c <= '9';
    boolean letter = c >= 'A' && c <= 'Z';
    return switch (kind) {
      case DIGIT -> digit;
      case LETTER -> letter;
      default -> digit || letter;
    };
  }

  private static ConfigException error(String pattern, int at, String what) {
    return new ConfigException(
        "taxonomy pattern '"
            + pattern
            + "': "
            + what
            + " at position "
            + (at + 1)
            + "; allowed: YYYY, MM, DD, 9, A, X (each of the last three may take {n} or {min,max}) and \"literal\"");
  }
}
