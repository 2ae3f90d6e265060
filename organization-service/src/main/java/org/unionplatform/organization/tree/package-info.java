/**
 * The union organisation tree: organisations with their materialized paths, their shape rules (guarded by
 * {@code Organization}), moves that rewrite stored paths here and publish {@code organization.moved}, and subtree
 * summaries from the tallies. Publishes {@code organization.established}.
 */
package org.unionplatform.organization.tree;
