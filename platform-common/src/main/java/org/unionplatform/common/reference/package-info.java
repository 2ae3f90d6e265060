/**
 * Reference codes every service validates the same way: GB 32100 unified social credit codes, GB/T 2260 division
 * codes with the statistics bureau's township codes, and the places shipped as data ({@code places-*.csv}, source
 * and date in docs/places.md). The worker types are {@code WorkerTypes}.
 */
package org.unionplatform.common.reference;
