package io.adlake.transforms.gold.taxonomy;

import io.adlake.model.ConfigException;
import io.adlake.model.config.NamingConventionSpec;
import io.adlake.model.config.TokenSpec;
import java.io.Serializable;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.apache.commons.text.similarity.LevenshteinDistance;

/**
 * An org's naming convention, compiled: ordered tokens joined by one delimiter, each a controlled
 * vocabulary or a {@link TokenPattern}; optional tokens may be left out.
 *
 * <p>Checking aligns the name's parts with the tokens at the least number of violations (a value
 * that fits no token, a required token missing, a part with no token), so one bad token is reported
 * as one violation, not as every token after it. A name written with another delimiter ({@code -},
 * {@code .}, a space...) gets one {@code wrong_delimiter} violation and is aligned part by part as
 * if it had used the right one.
 *
 * <p>Suggesting tries, in this order, and multiplies a confidence for what it had to do: the right
 * delimiter (x 0.9 when another one, or doubled ones, were used), upper case (x 0.95 once), the
 * nearest vocabulary value by edit distance when it is unique and at most a quarter of the value's
 * length away (x 1 - distance / length), and putting the parts in token order (x 0.7). A name that
 * still does not fit after that gets no suggestion.
 */
public final class NamingConvention implements Serializable {

  static final int MAX_NAME = 256;
  private static final String DELIMITERS = "_-.|/ ";
  private static final int MAX_OPTIONAL = 8;

  record Token(String name, boolean required, List<String> values, List<TokenPattern> patterns)
      implements Serializable {

    boolean accepts(String value) {
      return values.contains(value) || patterns.stream().anyMatch(p -> p.matches(value));
    }

    String expected() {
      if (!values.isEmpty()) {
        return "one of "
            + (values.size() <= 8
                ? values
                : values.subList(0, 8) + " and " + (values.size() - 8) + " more");
      }
      return "pattern "
          + String.join(" or ", patterns.stream().map(TokenPattern::toString).toList());
    }
  }

  private record Fix(String value, double factor, boolean caseChanged) {}

  private final String version;
  private final char delimiter;
  private final Set<String> entityTypes;
  private final List<Token> tokens;

  private NamingConvention(
      String version, char delimiter, Set<String> entityTypes, List<Token> tokens) {
    this.version = version;
    this.delimiter = delimiter;
    this.entityTypes = entityTypes;
    this.tokens = tokens;
  }

  /** Compiles every pattern; a pattern outside the grammar is refused with its token named. */
  public static NamingConvention of(NamingConventionSpec spec) {
    List<Token> tokens = new ArrayList<>();
    for (TokenSpec t : spec.tokens()) {
      List<TokenPattern> patterns = new ArrayList<>();
      for (String p : t.patterns()) {
        try {
          patterns.add(TokenPattern.compile(p));
        } catch (ConfigException e) {
          throw new ConfigException(
              "taxonomy '" + spec.version() + "', token '" + t.name() + "': " + e.getMessage(), e);
        }
      }
      tokens.add(
          new Token(t.name(), t.isRequired(), List.copyOf(t.values()), List.copyOf(patterns)));
    }
    if (tokens.stream().filter(t -> !t.required()).count() > MAX_OPTIONAL) {
      throw new ConfigException(
          "taxonomy '" + spec.version() + "': at most " + MAX_OPTIONAL + " optional tokens");
    }
    return new NamingConvention(
        spec.version(),
        spec.delimiter().charAt(0),
        Set.copyOf(spec.entityTypes()),
        List.copyOf(tokens));
  }

  public String version() {
    return version;
  }

  /** An empty entity type list means every entity type. */
  public boolean appliesTo(String entityType) {
    return entityTypes.isEmpty() || entityTypes.contains(entityType);
  }

  public NameCheck check(String name) {
    if (name == null || name.isBlank()) {
      return new NameCheck(
          false, List.of(new Violation(0, "name", name, "a name", "missing")), null, null);
    }
    if (name.length() > MAX_NAME) {
      return new NameCheck(
          false,
          List.of(
              new Violation(
                  0,
                  "name",
                  name.substring(0, 40) + "...",
                  "at most " + MAX_NAME + " characters",
                  "too_long")),
          null,
          null);
    }
    List<Violation> violations = align(split(name, String.valueOf(delimiter), true));
    String foreign = foreignDelimiters(name);
    if (!violations.isEmpty() && !foreign.isEmpty()) {
      // Read with every delimiter too; when that explains the name at least as well, the delimiter
      // is the problem.
      List<Violation> resplit = new ArrayList<>();
      resplit.add(new Violation(0, "delimiter", foreign, "'" + delimiter + "'", "wrong_delimiter"));
      resplit.addAll(align(split(name, DELIMITERS + delimiter, false)));
      if (resplit.size() <= violations.size()) {
        violations = resplit;
      }
    }
    if (violations.isEmpty()) {
      return new NameCheck(true, List.of(), null, null);
    }
    Suggestion s = suggest(name);
    return s == null || s.name().equals(name)
        ? new NameCheck(false, violations, null, null)
        : new NameCheck(false, violations, s.name(), s.confidence());
  }

  /**
   * Least-violation alignment of parts with tokens (an edit distance over tokens), then read back.
   */
  private List<Violation> align(List<String> parts) {
    int n = parts.size();
    int m = tokens.size();
    int[][] cost = new int[n + 1][m + 1];
    for (int i = 0; i <= n; i++) {
      for (int j = 0; j <= m; j++) {
        if (i == 0 && j == 0) {
          continue;
        }
        int best = Integer.MAX_VALUE;
        if (i > 0 && j > 0) {
          best = cost[i - 1][j - 1] + (tokens.get(j - 1).accepts(parts.get(i - 1)) ? 0 : 1);
        }
        if (j > 0) {
          best = Math.min(best, cost[i][j - 1] + (tokens.get(j - 1).required() ? 1 : 0));
        }
        if (i > 0) {
          best = Math.min(best, cost[i - 1][j] + 1);
        }
        cost[i][j] = best;
      }
    }
    List<Violation> out = new ArrayList<>();
    int i = n;
    int j = m;
    while (i > 0 || j > 0) {
      if (i > 0 && j > 0) {
        Token t = tokens.get(j - 1);
        boolean ok = t.accepts(parts.get(i - 1));
        if (cost[i][j] == cost[i - 1][j - 1] + (ok ? 0 : 1)) {
          if (!ok) {
            out.add(new Violation(j, t.name(), parts.get(i - 1), t.expected(), "invalid_value"));
          }
          i--;
          j--;
          continue;
        }
      }
      if (j > 0 && cost[i][j] == cost[i][j - 1] + (tokens.get(j - 1).required() ? 1 : 0)) {
        Token t = tokens.get(j - 1);
        if (t.required()) {
          out.add(new Violation(j, t.name(), null, t.expected(), "missing"));
        }
        j--;
      } else {
        out.add(new Violation(i, null, parts.get(i - 1), "no more parts", "unexpected"));
        i--;
      }
    }
    Collections.reverse(out);
    return out;
  }

  private record Suggestion(String name, double confidence) {}

  private Suggestion suggest(String name) {
    List<String> parts = split(name, DELIMITERS + delimiter, false);
    boolean delimiterFixed = !split(name, String.valueOf(delimiter), true).equals(parts);
    Suggestion best = null;
    for (List<Token> sequence : sequencesOfLength(parts.size())) {
      best = better(best, fitted(parts, sequence, false));
      best = better(best, fitted(parts, sequence, true));
    }
    if (best == null) {
      return null;
    }
    double confidence = best.confidence() * (delimiterFixed ? 0.9 : 1.0);
    return new Suggestion(
        best.name(),
        BigDecimal.valueOf(confidence).setScale(2, RoundingMode.HALF_UP).doubleValue());
  }

  /**
   * The parts fixed to the tokens in place, or (reorder) each token taking the unused part that
   * fits it best, the most constrained tokens (fewest fitting parts) choosing first so a loose
   * pattern does not take a vocabulary token's only candidate.
   */
  private Suggestion fitted(List<String> parts, List<Token> sequence, boolean reorder) {
    int size = sequence.size();
    Fix[][] fits = new Fix[size][parts.size()];
    Integer[] order = new Integer[size];
    int[] fitting = new int[size];
    for (int t = 0; t < size; t++) {
      order[t] = t;
      for (int p = 0; p < parts.size(); p++) {
        fits[t][p] = reorder || p == t ? fix(parts.get(p), sequence.get(t)) : null;
        fitting[t] += fits[t][p] == null ? 0 : 1;
      }
    }
    Arrays.sort(order, Comparator.comparingInt(t -> fitting[t]));
    String[] fixed = new String[size];
    boolean[] used = new boolean[parts.size()];
    double confidence = 1.0;
    boolean caseChanged = false;
    boolean moved = false;
    for (int t : order) {
      int from = -1;
      for (int p = 0; p < parts.size(); p++) {
        if (!used[p]
            && fits[t][p] != null
            && (from < 0 || fits[t][p].factor() > fits[t][from].factor())) {
          from = p;
        }
      }
      if (from < 0) {
        return null;
      }
      used[from] = true;
      moved |= from != t;
      caseChanged |= fits[t][from].caseChanged();
      confidence *= fits[t][from].factor();
      fixed[t] = fits[t][from].value();
    }
    if (reorder && !moved) {
      return null;
    }
    confidence *= (caseChanged ? 0.95 : 1.0) * (moved ? 0.7 : 1.0);
    return new Suggestion(String.join(String.valueOf(delimiter), fixed), confidence);
  }

  private static Fix fix(String part, Token token) {
    if (token.accepts(part)) {
      return new Fix(part, 1.0, false);
    }
    String upper = part.toUpperCase(Locale.ROOT);
    boolean caseChanged = !upper.equals(part);
    if (token.accepts(upper)) {
      return new Fix(upper, 1.0, caseChanged);
    }
    String nearest = null;
    int bestDistance = Integer.MAX_VALUE;
    boolean tie = false;
    for (String value : token.values()) {
      int limit = Math.max(1, value.length() / 4);
      int d = new LevenshteinDistance(limit).apply(upper, value);
      if (d >= 0 && d < bestDistance) {
        nearest = value;
        bestDistance = d;
        tie = false;
      } else if (d >= 0 && d == bestDistance) {
        tie = true;
      }
    }
    if (nearest == null || tie) {
      return null;
    }
    return new Fix(
        nearest,
        1.0 - (double) bestDistance / Math.max(nearest.length(), upper.length()),
        caseChanged);
  }

  /**
   * Token lists of the given length: all required tokens plus some optional ones, in convention
   * order.
   */
  private List<List<Token>> sequencesOfLength(int length) {
    List<Integer> optional = new ArrayList<>();
    for (int i = 0; i < tokens.size(); i++) {
      if (!tokens.get(i).required()) {
        optional.add(i);
      }
    }
    List<List<Token>> out = new ArrayList<>();
    for (int mask = 0; mask < 1 << optional.size(); mask++) {
      List<Token> sequence = new ArrayList<>();
      for (int i = 0; i < tokens.size(); i++) {
        int bit = optional.indexOf(i);
        if (bit < 0 || (mask & (1 << bit)) != 0) {
          sequence.add(tokens.get(i));
        }
      }
      if (sequence.size() == length) {
        out.add(sequence);
      }
    }
    return out;
  }

  private static Suggestion better(Suggestion a, Suggestion b) {
    if (a == null) {
      return b;
    }
    return b != null && b.confidence() > a.confidence() ? b : a;
  }

  private String foreignDelimiters(String name) {
    StringBuilder found = new StringBuilder();
    for (char c : DELIMITERS.toCharArray()) {
      if (c != delimiter && name.indexOf(c) >= 0) {
        found.append(c);
      }
    }
    return found.toString();
  }

  /**
   * Splits on any of the characters, without regular expressions; empty parts kept only when asked.
   */
  static List<String> split(String name, String delimiters, boolean keepEmpty) {
    List<String> parts = new ArrayList<>();
    StringBuilder current = new StringBuilder();
    for (int i = 0; i < name.length(); i++) {
      char c = name.charAt(i);
      if (delimiters.indexOf(c) >= 0) {
        if (keepEmpty || current.length() > 0) {
          parts.add(current.toString());
        }
        current.setLength(0);
      } else {
        current.append(c);
      }
    }
    if (keepEmpty || current.length() > 0) {
      parts.add(current.toString());
    }
    return parts;
  }
}
