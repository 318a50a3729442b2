/**
 * The version calendar's data: the API and file-format versions each platform's calls pin, with the
 * day the platform stops answering each and where that date comes from. Facts only, no HTTP, so the
 * transforms may read a platform's facts beside them.
 */
package io.adlake.platforms.versions;
