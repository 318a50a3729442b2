/**
 * Notification channels: an alert digest to a Slack incoming webhook or by email (SMTP), with
 * retries that honour Retry-After, and the digest itself. Which alerts go where is the notify job's
 * business.
 */
package io.adlake.platforms.notify;
