/**
 * Founding a union step by step, in the fixed order of {@code FoundingStep} (guarded by {@code Founding}); the approval
 * of the union one level up creates the union in the tree and establishes its companies.
 */
package org.unionplatform.organization.founding;
