package org.unionplatform.membership;

import org.unionplatform.common.pii.Gender;
import org.unionplatform.common.pii.ProtectedMobilePhone;
import org.unionplatform.common.pii.ProtectedResidentId;
import org.unionplatform.membership.member.Worker;

/** Workers for unit tests of aggregates, without Spring or a database. */
public final class TestWorkers {

    private TestWorkers() {
    }

    /** A protected worker record as {@code Workers} makes it (the ciphertexts are placeholders). */
    public static Worker worker(String residentIdHash) {
        return new Worker("王师傅", new ProtectedResidentId("cipher", residentIdHash, "610***********0011"),
                new ProtectedMobilePhone("cipher", "phone-hash", "138****1234"), "prefix-key", Gender.MALE,
                java.time.LocalDate.of(1990, 3, 7), "RIDE_HAILING_DRIVER", "首汽约车", null, "610100");
    }
}
