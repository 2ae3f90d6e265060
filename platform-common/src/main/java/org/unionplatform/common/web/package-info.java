/**
 * The HTTP conventions of every service: failures as RFC 9457 problems (400/404/409/422/503, never internals in a
 * 500), the exceptions that map to them, the request id on every request and answer, and paged queries and pages.
 */
package org.unionplatform.common.web;
