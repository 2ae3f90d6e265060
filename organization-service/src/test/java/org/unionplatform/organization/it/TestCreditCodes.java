package org.unionplatform.organization.it;

import java.util.concurrent.atomic.AtomicInteger;

import org.unionplatform.common.reference.CreditCodes;

/** Fresh valid unified social credit codes for tests (not a test class itself). */
final class TestCreditCodes {

    private static final AtomicInteger SERIAL = new AtomicInteger((int) (System.nanoTime() % 1_000_000));

    private TestCreditCodes() {
    }

    static String code(String division) {
        String first17 = "91" + division + "TE" + String.format("%07d", SERIAL.incrementAndGet() % 10_000_000);
        return first17 + CreditCodes.checkCharacter(first17);
    }
}
