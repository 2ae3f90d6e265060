/**
 * Following {@code organization.moved} in the collections a service names: the stored organisation paths of a moved
 * subtree get their new prefix ({@link org.unionplatform.common.orgpath.OrgPathRewriter}, opt-in per collection).
 */
package org.unionplatform.common.orgpath;
