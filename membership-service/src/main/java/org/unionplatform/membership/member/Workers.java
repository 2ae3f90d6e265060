package org.unionplatform.membership.member;

import java.util.Optional;

import org.springframework.stereotype.Component;
import org.unionplatform.common.pii.MobilePhoneNumber;
import org.unionplatform.common.pii.PersonalDataProtector;
import org.unionplatform.common.pii.ResidentIdNumber;
import org.unionplatform.common.workers.WorkerTypes;

/** Turns validated details into the protected stored record, and answers lookup keys for searches. */
@Component
public class Workers {

    static final int PHONE_PREFIX_DIGITS = 7;
    private static final String PREFIX_PADDING = "0000";

    private final PersonalDataProtector protector;
    private final WorkerTypes workerTypes;

    Workers(PersonalDataProtector protector, WorkerTypes workerTypes) {
        this.protector = protector;
        this.workerTypes = workerTypes;
    }

    /** Details already passed validation; the worker type may be a code or a label. */
    public Worker protect(PersonDetails details) {
        ResidentIdNumber id = ResidentIdNumber.parse(details.residentId());
        MobilePhoneNumber phone = MobilePhoneNumber.parse(details.phone());
        String workerType = workerTypes.resolve(details.workerType()).orElseThrow();
        return new Worker(details.name().strip(), protector.protect(id), protector.protect(phone),
                phonePrefixKey(phone.value().substring(0, PHONE_PREFIX_DIGITS)).orElseThrow(), id.gender(),
                id.birthDate(), workerType, blankToNull(details.platform()), blankToNull(details.companyCreditCode()),
                details.divisionCode().strip());
    }

    /** The same worker with a new (validated) phone: encrypted, hashed, masked and prefix-keyed like the first. */
    public Worker withPhone(Worker worker, String phone) {
        MobilePhoneNumber parsed = MobilePhoneNumber.parse(phone);
        return new Worker(worker.name(), worker.residentId(), protector.protect(parsed),
                phonePrefixKey(parsed.value().substring(0, PHONE_PREFIX_DIGITS)).orElseThrow(), worker.gender(),
                worker.birthDate(), worker.workerType(), worker.platform(), worker.companyCreditCode(),
                worker.divisionCode());
    }

    public String residentIdHash(String residentId) {
        return protector.lookupHash(ResidentIdNumber.parse(residentId));
    }

    public String phoneHash(String phone) {
        return protector.lookupHash(MobilePhoneNumber.parse(phone));
    }

    /**
     * The keyed hash of a 7-digit phone prefix. The shared protector hashes whole numbers only, so the prefix
     * is padded to a well-formed number and hashed under the same secret key; empty for a prefix that no
     * mobile number can start with.
     */
    public Optional<String> phonePrefixKey(String sevenDigits) {
        if (MobilePhoneNumber.problemWith(sevenDigits + PREFIX_PADDING).isPresent()) {
            return Optional.empty();
        }
        return Optional.of(protector.lookupHash(MobilePhoneNumber.parse(sevenDigits + PREFIX_PADDING)));
    }

    /** The full resident ID and phone: only for the audited personal-data endpoint. */
    public RevealedPersonalData reveal(Worker worker) {
        return new RevealedPersonalData(protector.reveal(worker.residentId()).value(),
                protector.reveal(worker.phone()).value());
    }

    /** The full phone only, to send a member their sign-in code. */
    public String revealPhone(Worker worker) {
        return protector.reveal(worker.phone()).value();
    }

    public record RevealedPersonalData(String residentId, String phone) {
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }
}
