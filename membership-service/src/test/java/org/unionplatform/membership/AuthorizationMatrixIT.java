package org.unionplatform.membership;

import java.util.stream.Stream;

import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.unionplatform.testsupport.security.AuthorizationMatrix;
import org.unionplatform.testsupport.security.AuthorizationMatrix.Case;
import org.unionplatform.testsupport.security.TestTokens;

/** Every row of src/test/resources/authorization-matrix.csv, sent over real HTTP. */
class AuthorizationMatrixIT extends MembershipIT {

    private static final String OUT_OF_SCOPE = YULIN_TRUCK_PATH;

    @TestFactory
    Stream<DynamicTest> everyRoleAndScopeGetsExactlyWhatTheMatrixSays() {
        var fixture = new Fixture();
        return AuthorizationMatrix.tests("membership-service", "authorization-matrix.csv", fixture,
                (method, path, token, body) -> send(method, path, token, body).status());
    }

    private final class Fixture implements AuthorizationMatrix.Fixture {
        private KnownMember member;
        private String application;
        private String currentMemberId;
        private String currentCardNumber;

        @Override
        public String path(Case matrixCase) {
            if (member == null) {
                var approved = approvedMember(People.residentId());
                member = new KnownMember(approved.get("memberId").asString(), approved.get("cardNumber").asString());
                application = dispatchedApplication(People.residentId());
            }
            currentMemberId = member.id();
            currentCardNumber = member.cardNumber();
            String path = matrixCase.path();
            if (path.contains("{freshMember}")) {
                var fresh = approvedMember(People.residentId());
                currentMemberId = fresh.get("memberId").asString();
                path = path.replace("{freshMember}", currentMemberId);
            }
            if (path.contains("{freshApplication}")) {
                path = path.replace("{freshApplication}", dispatchedApplication(People.residentId()));
            }
            return path.replace("{member}", member.id()).replace("{application}", application);
        }

        @Override
        public String token(Case matrixCase) {
            boolean in = !matrixCase.scope().equals("out");
            return switch (matrixCase.role()) {
                case "ORGANIZER" -> TestTokens.organizer(in ? SHOUQI_PATH : OUT_OF_SCOPE);
                case "BENEFIT_OFFICER" -> TestTokens.benefitOfficer(in ? SHOUQI_PATH : OUT_OF_SCOPE);
                case "MEMBER" -> TestTokens.member(in ? currentMemberId : "someone-else");
                case "STATION_ATTENDANT" -> TestTokens.attendant("xy-love-01");
                case "SERVICE" -> TestTokens.service("station-service");
                case "ADMIN" -> TestTokens.admin();
                default -> null;
            };
        }

        @Override
        public String body(Case matrixCase) {
            String path = matrixCase.path();
            if (path.equals("/api/members/applications") || path.endsWith("/by-organizer")) {
                return People.applicationJson("孙师傅", People.residentId(), People.phone(), "RIDE_HAILING_DRIVER");
            }
            if (path.endsWith("/sign-in/codes")) {
                return "{\"cardNumber\":\"" + currentCardNumber + "\"}";
            }
            if (path.endsWith("/sign-in/token")) {
                // A card nobody holds: public, but without the right code never more than 401.
                return "{\"cardNumber\":\"9999990000000001\",\"code\":\"000000\"}";
            }
            if (path.endsWith("/applications/status/codes")) {
                return "{\"receiptCode\":\"" + People.receiptCode() + "\"}";
            }
            if (path.endsWith("/applications/status")) {
                return "{\"receiptCode\":\"" + People.receiptCode() + "\",\"code\":\"000000\"}";
            }
            if (path.endsWith("/members/me/phone")) {
                return "{\"phone\":\"" + People.phone() + "\",\"code\":\"000000\"}";
            }
            if (path.endsWith("/phone") && path.startsWith("/api/members/")) {
                return "{\"phone\":\"" + People.phone() + "\",\"reason\":\"当面更换\"}";
            }
            if (path.endsWith("/readmission")) {
                return "{\"reason\":\"恢复会籍\"}";
            }
            if (path.endsWith("/phone/codes")) {
                return "{\"phone\":\"" + People.phone() + "\"}";
            }
            if (path.endsWith("/phone/token")) {
                return "{\"phone\":\"" + People.phone() + "\",\"code\":\"000000\"}";
            }
            if (path.endsWith("/card-verifications")) {
                return "{\"cardNumber\":\"" + currentCardNumber + "\"}";
            }
            if (path.endsWith("/transfers") && matrixCase.method().equals("POST")) {
                return "{\"toOrganizationId\":\"rongcheng-union\",\"reason\":\"换平台\"}";
            }
            if (path.endsWith("/rejection") || path.endsWith("/suspension") || path.endsWith("/withdrawal")) {
                return "{\"reason\":\"测试原因\"}";
            }
            return null;
        }
    }

    private record KnownMember(String id, String cardNumber) {
    }
}
