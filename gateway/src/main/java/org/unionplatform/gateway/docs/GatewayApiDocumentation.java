package org.unionplatform.gateway.docs;

import java.util.Map;

import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.info.Info;
import io.swagger.v3.oas.models.media.IntegerSchema;
import io.swagger.v3.oas.models.media.ObjectSchema;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.oas.models.media.StringSchema;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The gateway's own document: what it adds to every route (request id, problems it answers itself). The
 * services' documents are listed next to it on the same Swagger UI page (springdoc.swagger-ui.urls).
 */
@Configuration(proxyBeanMethods = false)
class GatewayApiDocumentation {

    @Bean
    OpenAPI gatewayOpenApi() {
        return new OpenAPI()
                .info(new Info()
                        .title("union-platform gateway")
                        .version("v1")
                        .description("""
                                The single entrance to the platform. Routes: /api/organizations/** and /api/auth/** \
                                to organization-service, /api/members/** to membership-service, /api/stations/** and \
                                /api/checkins/** to station-service, /api/benefits/** to benefits-service. Every \
                                response carries X-Request-Id (the client's if it matches [A-Za-z0-9._-]{8,64}, \
                                otherwise a new UUID). Errors the gateway answers itself are application/problem+json \
                                (Problem below): 401 no or invalid bearer token (needed everywhere but on the public \
                                paths), 404 no route, 413 body too large, 429 rate limit (with Retry-After), 503 service unavailable (a \
                                `service` member names it), 504 service too slow."""))
                .components(new Components().addSchemas("Problem", problemSchema()));
    }

    private static Schema<?> problemSchema() {
        return new ObjectSchema()
                .description("RFC 9457 problem details as written by the gateway")
                .properties(Map.of(
                        "type", new StringSchema().example("about:blank"),
                        "title", new StringSchema().example("Service unavailable"),
                        "status", new IntegerSchema().example(503),
                        "detail", new StringSchema()
                                .example("membership-service is not available right now; please try again shortly."),
                        "instance", new StringSchema().example("/api/members/42"),
                        "service", new StringSchema().example("membership-service")
                                .description("only on 503/504 answered for a route"),
                        "requestId", new StringSchema().example("5f0c6e0e-3c1b-4a59-9d0e-6f1f6c1e2a77")));
    }
}
