/**
 * The standard of union organisations (the "六有" of courier unions, configurable): a union assesses itself
 * against it, the federation one level up confirms the assessment or returns it with a reason, and a confirmed
 * pass of a new union allocates it the special reward fund once (docs/organizations.md, "Union standards").
 * Reads the tree by organisation id only, so nothing here follows moves.
 */
package org.unionplatform.organization.standard;
