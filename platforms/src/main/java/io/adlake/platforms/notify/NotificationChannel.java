package io.adlake.platforms.notify;

/**
 * Somewhere a digest can be sent. {@link #name()} goes into logs and ops.notifications, so it never
 * holds a secret.
 */
public interface NotificationChannel {

  /**
   * e.g. {@code slack (ADLAKE_SLACK_WEBHOOK_ACME)}, {@code email (2 recipients via
   * smtp.example.com)}
   */
  String name();

  void send(Digest digest) throws DeliveryException;
}
