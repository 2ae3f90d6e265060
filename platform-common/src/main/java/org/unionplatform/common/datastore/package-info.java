/**
 * The datastore answers or is reported down: bounded waits on MongoDB (connect, server selection, a request's
 * operations, background reads), so a database that stops answering turns readiness DOWN and a request into a 503
 * problem instead of a hang.
 */
package org.unionplatform.common.datastore;
