package org.unionplatform.organization.auth;

import java.util.Map;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import org.springframework.http.CacheControl;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import org.unionplatform.common.security.Caller;
import org.unionplatform.common.web.RequestIds;

/** Sign-in, refresh, the public keys, and key rotation. */
@RestController
@RequestMapping("/api/auth")
class TokenController {

    private final SignIn signIn;
    private final SigningKeys keys;

    TokenController(SignIn signIn, SigningKeys keys) {
        this.signIn = signIn;
        this.keys = keys;
    }

    record PasswordSignIn(@NotBlank @Size(max = 64) String username, @NotBlank @Size(max = 256) String password) {
    }

    record RefreshRequest(@NotBlank @Size(max = 128) String refreshToken) {
    }

    record RotationResponse(String activeKeyId) {
    }

    @PostMapping("/token")
    ResponseEntity<TokenResponse> token(@Valid @RequestBody PasswordSignIn request) {
        return noStore(signIn.withPassword(request.username(), request.password()));
    }

    @PostMapping("/token/refresh")
    ResponseEntity<TokenResponse> refresh(@Valid @RequestBody RefreshRequest request) {
        return noStore(signIn.refresh(request.refreshToken()));
    }

    /** Public: resource servers (and the gateway) fetch it; short caching so a new NEXT key spreads quickly. */
    @GetMapping(path = "/jwks", produces = MediaType.APPLICATION_JSON_VALUE)
    ResponseEntity<Map<String, Object>> jwks() {
        return ResponseEntity.ok().cacheControl(CacheControl.maxAge(java.time.Duration.ofMinutes(1)))
                .body(keys.publicJwks());
    }

    @PostMapping("/keys/rotate")
    @PreAuthorize("hasRole('ADMIN')")
    RotationResponse rotate(Caller caller) {
        return new RotationResponse(keys.rotate(caller.subject()).id());
    }

    @ExceptionHandler(TemporarilyLockedException.class)
    ResponseEntity<ProblemDetail> locked(TemporarilyLockedException ex, HttpServletRequest request) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(ex.status(), ex.getMessage());
        problem.setTitle(ex.title());
        problem.setInstance(java.net.URI.create(request.getRequestURI()));
        problem.setProperty("requestId", RequestIds.current());
        return ResponseEntity.status(ex.status()).header(HttpHeaders.RETRY_AFTER,
                Long.toString(ex.retryAfterSeconds())).contentType(MediaType.APPLICATION_PROBLEM_JSON).body(problem);
    }

    private static ResponseEntity<TokenResponse> noStore(TokenResponse tokens) {
        return ResponseEntity.ok().cacheControl(CacheControl.noStore()).header(HttpHeaders.PRAGMA, "no-cache")
                .body(tokens);
    }
}
