package org.unionplatform.common.web;

import jakarta.validation.Payload;

/**
 * Marks a constraint whose violation is a well-formed value that fails a check of its meaning (a check character
 * over the other characters, e.g. {@code @CreditCode(payload = Unprocessable.class)}): when every invalid field of a
 * request carries it, the answer is 422 instead of 400, so the client can tell "mistyped" from "malformed".
 */
public interface Unprocessable extends Payload {
}
