/**
 * The demo data: the Shaanxi tree, companies, members, targets and one staff account per role, loaded once on an
 * empty tree when {@code platform.demo-data.enabled} is on. Uses the other features' application services.
 */
package org.unionplatform.organization.demo;
