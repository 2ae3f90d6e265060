/** The one HTTP client of the platform's tests and the answer type every module's tests read. */
package org.unionplatform.testsupport.http;
