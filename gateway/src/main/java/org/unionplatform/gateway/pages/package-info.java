/**
 * The phone pages (attendant, station landing, worker pages) and their shared assets, served by the gateway from
 * its classpath on the same origin as the API, outside the routes so that no breaker, retry or rate limit sits in
 * front of a page load.
 */
package org.unionplatform.gateway.pages;
