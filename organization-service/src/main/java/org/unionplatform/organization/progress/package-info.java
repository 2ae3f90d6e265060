/**
 * Yearly targets split down the tree and progress against them, and membership progress: member growth counted
 * from membership events into the tallies of every organisation on the member's path.
 */
package org.unionplatform.organization.progress;
