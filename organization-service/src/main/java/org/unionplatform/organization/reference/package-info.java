/**
 * Reference codes the service validates: GB 32100 unified social credit codes and GB/T 2260 division codes
 * (the worker types are platform-common's {@code WorkerTypes}).
 */
package org.unionplatform.organization.reference;
