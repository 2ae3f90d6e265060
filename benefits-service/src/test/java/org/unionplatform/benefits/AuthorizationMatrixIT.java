package org.unionplatform.benefits;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Stream;

import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.unionplatform.testsupport.http.HttpAnswer;
import org.unionplatform.testsupport.security.AuthorizationMatrix;
import org.unionplatform.testsupport.security.TestTokens;

/**
 * The authorization matrix of benefits-service (src/test/resources/authorization-matrix.csv). Every caller's scope
 * is organisation A (a member: member A); "out" rows fill the path with organisation B's objects. Mutating rows get
 * objects made for them alone, so the rows do not depend on each other.
 */
class AuthorizationMatrixIT extends BenefitsIT {

    @TestFactory
    Stream<DynamicTest> authorizationMatrix() {
        World world = new World();
        return AuthorizationMatrix.tests("benefits-service", "authorization-matrix.csv", world,
                (method, path, token, body) -> send(method, path, token, body,
                        Map.of("Idempotency-Key", UUID.randomUUID().toString())).status());
    }

    /** Two subtrees with a program, an insurance program, a grant and a claim each. */
    private final class World implements AuthorizationMatrix.Fixture {

        private final Side a = new Side(newOrg());
        private final Side b = new Side(newOrg());
        private final String admin = TestTokens.admin();

        @Override
        public String token(AuthorizationMatrix.Case c) {
            return switch (c.role()) {
                case "ADMIN" -> admin;
                case "BENEFIT_OFFICER" -> TestTokens.benefitOfficer(a.org.districtPath());
                case "ORGANIZER" -> TestTokens.organizer(a.org.districtPath());
                case "MEMBER" -> TestTokens.member(a.memberId);
                case "STATION_ATTENDANT" -> TestTokens.attendant("bl-rider-01");
                case "SERVICE" -> TestTokens.service("membership-service");
                default -> null;
            };
        }

        @Override
        public String path(AuthorizationMatrix.Case c) {
            Side side = "out".equals(c.scope()) ? b : a;
            String path = c.path();
            if (path.contains("{draft}")) {
                path = path.replace("{draft}", side.program(false));
            }
            if (path.contains("{opened}")) {
                path = path.replace("{opened}", side.program(true));
            }
            if (path.contains("{freshGrant}")) {
                path = path.replace("{freshGrant}", side.grant());
            }
            if (path.contains("{freshClaim}")) {
                path = path.replace("{freshClaim}", side.claim());
            }
            if (path.contains("{approvedClaim}")) {
                path = path.replace("{approvedClaim}", side.approvedClaim());
            }
            return path.replace("{program}", side.programId)
                    .replace("{giftPack}", side.giftPackId).replace("{insurance}", side.insuranceId)
                    .replace("{grant}", side.grantId).replace("{claim}", side.claimId);
        }

        @Override
        public String body(AuthorizationMatrix.Case c) {
            Side side = "out".equals(c.scope()) ? b : a;
            Object body = switch (c.path().substring(c.path().lastIndexOf('/') + 1)) {
                case "programs" -> "POST".equals(c.method()) ? moneyProgram(side.org, "矩阵项目", 100_000L, 1_000L) : null;
                case "grants" -> "POST".equals(c.method()) ? Map.of("memberId", side.newMember()) : null;
                case "worker-grants" -> Map.of("name", "王小明", "phone", newPhone(), "workerType", "COURIER");
                case "revocation", "rejection" -> Map.of("reason", "矩阵");
                case "claims" -> "POST".equals(c.method())
                        ? Map.of("memberId", side.memberId, "amountFen", 1_000, "description", "矩阵") : null;
                case "approval" -> Map.of("amountFen", 1_000);
                case "stock" -> Map.of("items", 1);
                case "payout" -> Map.of("reference", "矩阵转账");
                default -> null;
            };
            return body == null ? null : JSON.writeValueAsString(body);
        }
    }

    private final class Side {

        final Org org;
        final String memberId;
        final String programId;
        final String insuranceId;
        final String giftPackId;
        final String grantId;
        final String claimId;
        private final String admin = TestTokens.admin();

        Side(Org org) {
            this.org = org;
            this.memberId = "mx-" + org.unionId();
            member(memberId, org.unionId(), org.unionPath());
            var fields = moneyProgram(org, "矩阵慰问", 1_000_000_000L, 1_000L);
            fields.put("stock", 1_000_000);
            programId = openProgram(admin, fields);
            var insurance = moneyProgram(org, "矩阵保险", 1_000_000_000L, 1L);
            insurance.put("kind", "MUTUAL_AID_INSURANCE");
            insurance.put("perClaimCeilingFen", 100_000L);
            insurance.put("memberLimit", Map.of("count", 100, "per", "WHOLE"));
            insuranceId = openProgram(admin, insurance);
            giftPackId = openProgram(admin, giftPack(org, "矩阵清凉礼包", 1_000_000));
            grantId = issue(programId, admin, UUID.randomUUID().toString(), Map.of("memberId", memberId))
                    .json().get("id").asString();
            claimId = claim();
        }

        String newMember() {
            String id = "mx-" + UUID.randomUUID().toString().substring(0, 8) + "-" + org.unionId();
            member(id, org.unionId(), org.unionPath());
            return id;
        }

        String program(boolean open) {
            var fields = new LinkedHashMap<>(moneyProgram(org, "矩阵新项目", 100_000L, 1_000L));
            if (open) {
                return openProgram(admin, fields);
            }
            return post("/api/benefits/programs", admin, fields).json().get("id").asString();
        }

        String grant() {
            return issue(programId, admin, UUID.randomUUID().toString(), Map.of("memberId", newMember()))
                    .json().get("id").asString();
        }

        String approvedClaim() {
            String id = claim();
            HttpAnswer approved = post("/api/benefits/claims/" + id + "/approval", admin, Map.of("amountFen", 1_000));
            if (approved.status() != 200) {
                throw new AssertionError("approve claim: " + approved);
            }
            return id;
        }

        String claim() {
            return post("/api/benefits/programs/" + insuranceId + "/claims", admin,
                    Map.of("memberId", memberId, "amountFen", 1_000, "description", "矩阵"))
                    .json().get("id").asString();
        }
    }
}
