package io.adlake.model.config;

import java.util.List;
import java.util.regex.Pattern;

/**
 * Where an org's alert digest goes. The webhook URL is a secret, so the file names the environment
 * variable that holds it, never the URL.
 *
 * @param slackWebhookEnv environment variable with the Slack incoming-webhook URL
 * @param email addresses the digest is mailed to
 */
public record NotifyTarget(String slackWebhookEnv, List<String> email) {

  private static final Pattern ENV = Pattern.compile("[A-Z_][A-Z0-9_]*");
  private static final Pattern ADDRESS = Pattern.compile("[^@\\s]+@[^@\\s]+\\.[^@\\s]+");

  public NotifyTarget {
    email = email == null ? List.of() : List.copyOf(email);
    if (slackWebhookEnv != null && !ENV.matcher(slackWebhookEnv).matches()) {
      throw new IllegalArgumentException(
          "slack_webhook_env names an environment variable (A-Z, 0-9, _), was '"
              + slackWebhookEnv
              + "'");
    }
    for (String address : email) {
      if (!ADDRESS.matcher(address).matches()) {
        throw new IllegalArgumentException("'" + address + "' is not an email address");
      }
    }
  }
}
