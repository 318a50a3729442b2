package io.adlake.model.config;

/**
 * How digests are delivered: the SMTP server for email, and retries for every channel.
 *
 * @param smtpHost SMTP server host; email is off without it
 * @param smtpPort 25, 465 or 587 usually
 * @param smtpStarttls require STARTTLS (a production relay should)
 * @param from the sender address
 * @param usernameEnv environment variable with the SMTP user, if the server needs a login
 * @param passwordEnv environment variable with the SMTP password
 * @param attempts tries per delivery, the first included
 * @param backoffMillis the wait before the second try; each further wait doubles, with jitter, up
 *     to 30 s
 */
public record NotifySettings(
    String smtpHost,
    Integer smtpPort,
    Boolean smtpStarttls,
    String from,
    String usernameEnv,
    String passwordEnv,
    Integer attempts,
    Long backoffMillis) {

  public static final NotifySettings DEFAULTS =
      new NotifySettings(null, null, null, null, null, null, null, null);

  public NotifySettings {
    smtpPort = smtpPort == null ? 25 : smtpPort;
    smtpStarttls = smtpStarttls != null && smtpStarttls;
    from = from == null ? "adlake@localhost" : from;
    attempts = attempts == null ? 4 : attempts;
    backoffMillis = backoffMillis == null ? 1_000L : backoffMillis;
    if (attempts < 1 || attempts > 10) {
      throw new IllegalArgumentException(
          "notify attempts must be between 1 and 10, was " + attempts);
    }
    if (backoffMillis < 0 || backoffMillis > 60_000) {
      throw new IllegalArgumentException(
          "notify backoff_millis must be between 0 and 60000, was " + backoffMillis);
    }
  }
}
