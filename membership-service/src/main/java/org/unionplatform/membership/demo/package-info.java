/** Demo members loaded on first start when {@code platform.demo-data.enabled} is set. */
package org.unionplatform.membership.demo;
