/**
 * XLSX downloads of the officers' lists (grants, claims, the welcome-pack queue): one sheet with Chinese headings,
 * times in Beijing time, money in yuan. The features own their queries and call {@link Spreadsheet} to write them.
 */
package org.unionplatform.benefits.export;
