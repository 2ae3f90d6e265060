package org.unionplatform.membership.signin;

import static org.springframework.data.mongodb.core.query.Criteria.where;

import java.util.Comparator;
import java.util.Optional;

import org.springframework.data.mongodb.core.MongoOperations;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Service;
import org.unionplatform.common.pii.MobilePhoneNumber;
import org.unionplatform.membership.client.MemberTokenClient;
import org.unionplatform.membership.member.Member;
import org.unionplatform.membership.member.MemberRepository;
import org.unionplatform.membership.member.MemberStatus;
import org.unionplatform.membership.member.Workers;
import org.unionplatform.membership.signin.OneTimeCodes.Asker;
import org.unionplatform.membership.signin.OneTimeCodes.Purpose;
import org.unionplatform.membership.signin.OneTimeCodes.Recipient;

/**
 * Member sign-in with a one-time code, asked for by card number or by phone number. Only an ACTIVE member gets a
 * code; every other card or phone takes the same path and gets the same answers (see {@link OneTimeCodes}).
 * Limits and lockouts count per card and per phone; the phone is kept only as its keyed hash.
 */
@Service
class SignInCodes {

    static final Purpose BY_CARD = new Purpose("MEMBER_SIGN_IN", "MEMBER_SIGNED_IN", "memberId", "card",
            SignInRefusedException::new);
    static final Purpose BY_PHONE = new Purpose("MEMBER_SIGN_IN", "MEMBER_SIGNED_IN", "memberId", "phone",
            SignInRefusedException::byPhone);

    private final OneTimeCodes codes;
    private final MemberRepository members;
    private final MongoOperations mongo;
    private final Workers workers;
    private final MemberTokenClient tokens;

    SignInCodes(OneTimeCodes codes, MemberRepository members, MongoOperations mongo, Workers workers,
            MemberTokenClient tokens) {
        this.codes = codes;
        this.members = members;
        this.mongo = mongo;
        this.workers = workers;
        this.tokens = tokens;
    }

    /** Issues and sends a code if the card is an ACTIVE member's; otherwise does nothing visible. */
    void request(String cardNumber) {
        Optional<Member> member = members.findByCardNumber(cardNumber)
                .filter(found -> found.status() == MemberStatus.ACTIVE);
        codes.request(BY_CARD, byCard(cardNumber), member.map(found -> new Recipient(found.id(),
                workers.revealPhone(found.worker()), cardNumber)));
    }

    /** Verifies the code and returns the member's access token, or throws 401, 429 or 503. */
    MemberTokenClient.MemberToken signIn(String cardNumber, String code) {
        return codes.verify(BY_CARD, byCard(cardNumber), code, memberId -> members.findById(memberId)
                .filter(found -> found.status() == MemberStatus.ACTIVE && found.cardNumber().equals(cardNumber))
                // The token before the code is used up: if organization-service is down, the member keeps the code.
                .map(found -> tokens.issue(found.id())));
    }

    /** Issues and sends a code if the phone is an ACTIVE member's; otherwise does nothing visible. */
    void requestByPhone(String phone) {
        String phoneHash = workers.phoneHash(phone);
        codes.request(BY_PHONE, byPhone(phone, phoneHash), activeMemberWithPhone(phoneHash)
                .map(found -> new Recipient(found.id(), phone, found.cardNumber())));
    }

    /** Verifies the code sent to the phone and returns the member's access token, or throws 401, 429 or 503. */
    MemberTokenClient.MemberToken signInByPhone(String phone, String code) {
        String phoneHash = workers.phoneHash(phone);
        return codes.verify(BY_PHONE, byPhone(phone, phoneHash), code, memberId -> members.findById(memberId)
                .filter(found -> found.status() == MemberStatus.ACTIVE
                        && phoneHash.equals(found.worker().phone().lookupHash()))
                .map(found -> tokens.issue(found.id())));
    }

    /**
     * The ACTIVE member holding this phone; should two, the one who joined last (the number passed on to
     * them). The embedded MongoDB ignores non-unique indexes: a scan, acceptable for a rate-limited public call.
     */
    private Optional<Member> activeMemberWithPhone(String phoneHash) {
        return mongo.find(Query.query(where("worker.phone.lookupHash").is(phoneHash)
                .and("status").is(MemberStatus.ACTIVE)), Member.class).stream()
                .max(Comparator.comparing(Member::joinedAt));
    }

    private static Asker byCard(String cardNumber) {
        return new Asker(cardNumber, "card:" + SignInCode.maskCard(cardNumber), "card:" + cardNumber);
    }

    /** The stored key is the phone's keyed hash; the audit shows the phone masked only. */
    private static Asker byPhone(String phone, String phoneHash) {
        String masked = MobilePhoneNumber.mask(phone);
        return new Asker("phone:" + phoneHash, "phone:" + masked, "phone:" + masked);
    }
}
