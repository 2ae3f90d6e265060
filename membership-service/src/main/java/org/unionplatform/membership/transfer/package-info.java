/** Moving a member to another union: the transfer request, its decision by the receiving side, its history. */
package org.unionplatform.membership.transfer;
