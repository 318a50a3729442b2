/**
 * Microsoft Monetize (Xandr, sell side): the columns of the seller report bronze reads. adlake does
 * not fetch it, so there is no API client or {@code PlatformKit}.
 */
package io.adlake.platforms.monetize;
