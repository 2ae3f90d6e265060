package org.unionplatform.membership;

import java.time.LocalDate;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicInteger;

import org.unionplatform.common.pii.ResidentIdNumber;

/** Made-up but well-formed resident IDs and phones: unique within a test JVM. */
public final class People {

    private static final AtomicInteger SEQUENCE = new AtomicInteger(ThreadLocalRandom.current().nextInt(1000));

    private People() {
    }

    public static String residentId() {
        int n = SEQUENCE.incrementAndGet();
        LocalDate born = LocalDate.of(1970, 1, 1).plusDays((n / 1000) % 12000 + ThreadLocalRandom.current().nextInt(1000));
        String first17 = "610103" + born.toString().replace("-", "") + String.format("%03d", n % 1000);
        return first17 + ResidentIdNumber.checkCharacterFor(first17);
    }

    /** A well-formed receipt code that no application was given (60 bits of chance aside). */
    public static String receiptCode() {
        String alphabet = "23456789ABCDEFGHJKMNPQRSTUVWXYZ";
        StringBuilder code = new StringBuilder();
        for (int i = 0; i < 12; i++) {
            code.append(alphabet.charAt(ThreadLocalRandom.current().nextInt(alphabet.length())));
        }
        return code.toString();
    }

    public static String phone() {
        return "139" + String.format("%08d", ThreadLocalRandom.current().nextInt(100_000_000));
    }

    public static String applicationJson(String name, String residentId, String phone, String workerType) {
        return """
                {"name":"%s","residentId":"%s","phone":"%s","workerType":"%s","platform":"首汽约车",
                 "companyCreditCode":"91610000MA6TG12349","divisionCode":"610103"}""".formatted(name, residentId, phone,
                workerType);
    }
}
