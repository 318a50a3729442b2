package io.adlake.platforms.http;

/** A bearer token for one org's account on one platform, fetched or refreshed when needed. */
public interface AccessToken {

  /** The token to send now; a fresh one when the last has expired or was rejected. */
  String value();

  /**
   * The platform rejected the last token (401): the next {@link #value()} asks for a new one where
   * that can help.
   */
  default void rejected() {}
}
