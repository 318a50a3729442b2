package io.adlake.transforms.alerts;

import io.adlake.model.Hashes;
import io.adlake.model.config.AlertRuleSpec;
import io.adlake.transforms.rules.RuleCompiler;
import io.adlake.transforms.rules.RuleException;
import io.adlake.transforms.rules.RuleMart;
import java.util.Optional;

/**
 * A rule of {@code conf/alerts.yaml} compiled against its mart: the condition and the proposed
 * action's value as Spark Columns, and a version that changes whenever what the rule does changes
 * (recorded on every alert).
 */
public record AlertRule(
    AlertRuleSpec spec,
    RuleMart mart,
    RuleCompiler.Compiled condition,
    Optional<RuleCompiler.Compiled> actionValue,
    String version) {

  /**
   * @throws IllegalArgumentException naming the rule, for an unknown mart, a condition outside the
   *     rule language, or an action on a mart whose rows are not platform entities
   */
  public static AlertRule compile(AlertRuleSpec spec) {
    RuleMart mart;
    try {
      mart = RuleMart.of(spec.mart());
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException("rule " + spec.id() + ": " + e.getMessage(), e);
    }
    RuleCompiler.Compiled condition;
    try {
      condition = RuleCompiler.compile(spec.when(), mart.columns());
    } catch (RuleException e) {
      throw new IllegalArgumentException("rule " + spec.id() + ", when: " + e.getMessage(), e);
    }
    Optional<RuleCompiler.Compiled> value = Optional.empty();
    if (spec.action() != null) {
      if (!mart.platformEntities()) {
        throw new IllegalArgumentException(
            "rule "
                + spec.id()
                + ": an action needs a mart of platform entities (pacing, qa_findings), not "
                + mart.id());
      }
      if (spec.action().value() != null) {
        try {
          value = Optional.of(RuleCompiler.compileNumber(spec.action().value(), mart.columns()));
        } catch (RuleException e) {
          throw new IllegalArgumentException(
              "rule " + spec.id() + ", action value: " + e.getMessage(), e);
        }
      }
    }
    return new AlertRule(spec, mart, condition, value, version(spec));
  }

  public String id() {
    return spec.id();
  }

  /**
   * The first 12 hex digits of a SHA-256 of everything that decides what the rule finds and says.
   */
  private static String version(AlertRuleSpec spec) {
    String text =
        String.join(
            "\u0000",
            spec.mart(),
            spec.when(),
            spec.severity(),
            spec.title(),
            String.valueOf(spec.schedule()),
            String.valueOf(spec.action()));
    return Hashes.sha256Hex(text).substring(0, 12);
  }
}
