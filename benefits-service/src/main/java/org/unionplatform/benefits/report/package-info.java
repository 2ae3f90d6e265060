/**
 * Figures for officers: per program and per organisation, people served, grants, money and items, read within the
 * caller's subtree; and the XLSX export of both with Chinese headings.
 */
package org.unionplatform.benefits.report;
