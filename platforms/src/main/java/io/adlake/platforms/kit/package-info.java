/**
 * How a platform joins adlake: its package implements {@link io.adlake.platforms.kit.PlatformKit}
 * once, the application lists the kit in its {@link io.adlake.platforms.kit.PlatformKits} registry,
 * and {@link io.adlake.platforms.kit.PlatformAccess} gives the connectors and write-back the same
 * clients, secrets and endpoint checks.
 */
package io.adlake.platforms.kit;
