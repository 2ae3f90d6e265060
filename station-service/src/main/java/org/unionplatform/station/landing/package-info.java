/** The public station card behind the printed QR code's page: what a worker sees on arrival, no personal data. */
package org.unionplatform.station.landing;
