/**
 * The ground floor of talking to a platform, shared by the connectors, write-back and notify: a
 * polite client (rate limit, retries, the waits a platform asks for), the retry signals a platform
 * plugs in, the failure it throws, and tokens (from the environment, or a Google service account's
 * or Salesforce's JWT bearer exchange). What a platform's API means (units, statuses, versions)
 * lives in the platform's own package.
 */
package io.adlake.platforms.http;
