/**
 * Benefit programs: what they give (money, items), to whom (coverage, eligibility rules, per-member limits), their
 * status (DRAFT -> OPEN -> CLOSED) and their ledger of budget and stock, moved only by conditional updates.
 */
package org.unionplatform.benefits.program;
