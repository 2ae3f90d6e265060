/** The one definition of the worker types every service accepts ({@code platform.worker-types}). */
package org.unionplatform.common.workers;
