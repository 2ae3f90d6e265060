package org.unionplatform.organization.auth;

/** What a sign-in or refresh returns: a bearer access token and the refresh token that replaces the last one. */
record TokenResponse(String accessToken, String tokenType, long expiresIn, String refreshToken,
        long refreshExpiresIn) {
}
