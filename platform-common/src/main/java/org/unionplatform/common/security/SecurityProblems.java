package org.unionplatform.common.security;

import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.Map;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.security.web.access.AccessDeniedHandler;
import org.unionplatform.common.web.RequestIds;
import tools.jackson.databind.json.JsonMapper;

/**
 * 401 and 403 raised by the security filters, answered as problem+json like every other error. The
 * body never says why a token was refused (expired, bad signature, unknown key): that helps attackers,
 * not clients, whose only remedy is the same either way: get a new token.
 */
final class SecurityProblems implements AuthenticationEntryPoint, AccessDeniedHandler {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    @Override
    public void commence(HttpServletRequest request, HttpServletResponse response,
            AuthenticationException exception) throws IOException {
        boolean tokenPresented = request.getHeader(HttpHeaders.AUTHORIZATION) != null;
        response.setHeader(HttpHeaders.WWW_AUTHENTICATE,
                tokenPresented ? "Bearer error=\"invalid_token\"" : "Bearer");
        write(response, request, HttpStatus.UNAUTHORIZED, tokenPresented
                ? "The access token is not valid; sign in again."
                : "This resource needs a bearer access token.");
    }

    @Override
    public void handle(HttpServletRequest request, HttpServletResponse response,
            AccessDeniedException exception) throws IOException {
        write(response, request, HttpStatus.FORBIDDEN, "Your roles do not allow this function.");
    }

    static Map<String, Object> body(HttpStatus status, String detail, String path) {
        Map<String, Object> problem = new LinkedHashMap<>();
        problem.put("type", "about:blank");
        problem.put("title", status.getReasonPhrase());
        problem.put("status", status.value());
        problem.put("detail", detail);
        problem.put("instance", path);
        String requestId = RequestIds.current();
        if (requestId != null) {
            problem.put("requestId", requestId);
        }
        return problem;
    }

    private static void write(HttpServletResponse response, HttpServletRequest request, HttpStatus status,
            String detail) throws IOException {
        if (response.isCommitted()) {
            return;
        }
        response.setStatus(status.value());
        response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
        JSON.writeValue(response.getOutputStream(), body(status, detail, request.getRequestURI()));
    }
}
