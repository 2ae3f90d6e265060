package org.unionplatform.station;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.UUID;
import java.util.stream.Stream;

import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.unionplatform.testsupport.security.AuthorizationMatrix;
import org.unionplatform.testsupport.security.TestTokens;
import org.unionplatform.testsupport.http.HttpAnswer;

/** Every row of src/test/resources/authorization-matrix.csv as a real HTTP request. */
class AuthorizationMatrixIT extends StationServiceIT {

    private static final String IN_PATH = "/shaanxi/xianyang/xianyang-courier-federation/";
    private static final String OUT_PATH = "/shaanxi/yulin/yulin-truck-federation/";
    private static final String ORGANIZER_SCOPE = "/shaanxi/xianyang/";

    @TestFactory
    Stream<DynamicTest> authorizationMatrix() throws Exception {
        String inStation = openStation(unique("matrix-in"), IN_PATH, 34.33, 108.71, "", "610400");
        String outStation = openStation(unique("matrix-out"), OUT_PATH, 38.28, 109.73, "", "610800");

        AuthorizationMatrix.Fixture fixture = new AuthorizationMatrix.Fixture() {
            @Override
            public String token(AuthorizationMatrix.Case c) {
                return switch (c.role()) {
                    case "ADMIN" -> TestTokens.admin();
                    case "ORGANIZER" -> TestTokens.organizer(ORGANIZER_SCOPE);
                    case "BENEFIT_OFFICER" -> TestTokens.benefitOfficer(ORGANIZER_SCOPE);
                    case "STATION_ATTENDANT" -> TestTokens.attendant(inStation);
                    case "MEMBER" -> TestTokens.member("member-1");
                    case "SERVICE" -> TestTokens.service("benefits-service");
                    case AuthorizationMatrix.ANONYMOUS -> null;
                    default -> throw new IllegalArgumentException(c.role());
                };
            }

            private String station(AuthorizationMatrix.Case c) {
                return "out".equals(c.scope()) ? outStation : inStation;
            }

            @Override
            public String path(AuthorizationMatrix.Case c) {
                return c.path().replace("{station}", station(c));
            }

            @Override
            public String body(AuthorizationMatrix.Case c) {
                String path = c.path();
                if (path.equals("/api/stations") && c.method().equals("POST")) {
                    String orgPath = "out".equals(c.scope()) ? OUT_PATH : IN_PATH;
                    String org = orgPath.substring(orgPath.lastIndexOf('/', orgPath.length() - 2) + 1,
                            orgPath.length() - 1);
                    return """
                            {"organizationId":"%s","orgPath":"%s","details":{"name":"矩阵驿站","type":"LOVE_STATION",
                             "address":"咸阳","divisionCode":"610400","location":{"lat":34.3,"lon":108.7}}}"""
                            .formatted(org, orgPath);
                }
                if (path.equals("/api/stations/{station}")) {
                    return """
                            {"name":"矩阵驿站","type":"LOVE_STATION","address":"咸阳","divisionCode":"610400",
                             "location":{"lat":34.33,"lon":108.71},"hours":{"alwaysOpen":true}}""";
                }
                if (path.endsWith("/status")) {
                    return "{\"status\":\"ACTIVE\"}";
                }
                if (path.endsWith("/inspections")) {
                    return """
                            {"results":{"PREMISES":true,"SIGNAGE":true,"FACILITIES":true,"RULES":true,"STAFF":true,
                             "LEDGER":true}}""";
                }
                String visit = """
                        {"visitId":"%s","stationId":"%s","workerType":"COURIER","services":["REST"],"visitedAt":"%s"}"""
                        .formatted(UUID.randomUUID(), station(c), Instant.now().minusSeconds(5));
                if (path.equals("/api/checkins")) {
                    return visit;
                }
                if (path.equals("/api/checkins/self")) {
                    return "{\"stationId\":\"" + station(c) + "\"}";
                }
                if (path.equals("/api/checkins/batch")) {
                    return "{\"visits\":[" + visit + "]}";
                }
                return null;
            }
        };
        return AuthorizationMatrix.tests("station-service", "authorization-matrix.csv", fixture,
                (method, path, token, body) -> {
                    HttpAnswer reply = send(method, path, token, body);
                    if (reply.status() >= 400 && reply.status() != 404 && reply.status() != 403
                            && reply.status() != 401) {
                        assertThat(reply.body()).as("problem details").contains("\"status\"");
                    }
                    return reply.status();
                });
    }
}
