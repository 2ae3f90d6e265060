package org.unionplatform.e2e;

import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The text messages membership-service's development sender writes to its log instead of sending them: one-time
 * codes ({@code one-time code for phone 139****5678: 123456}, {@code sign-in code for card ****1234: 123456}) and
 * approval messages. A journey reads the code a person would get on their phone.
 */
final class SmsLog {

    private final Path log;

    SmsLog(PlatformUnderTest platform) {
        this.log = platform.log("membership-service");
    }

    /** Codes logged so far under this prefix ({@code "one-time code for phone 139****5678"}), oldest first. */
    List<String> codes(String prefix) {
        Matcher found = Pattern.compile(Pattern.quote(prefix) + ": (\\d{6})").matcher(read());
        List<String> codes = new ArrayList<>();
        while (found.find()) {
            codes.add(found.group(1));
        }
        return codes;
    }

    /** Runs {@code ask} and answers the code it made the service send under {@code prefix}. */
    String codeAfter(String prefix, Runnable ask) {
        int before = codes(prefix).size();
        ask.run();
        return await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(200))
                .until(() -> codes(prefix), codes -> codes.size() > before).getLast();
    }

    /** How many lines contain {@code text}. */
    long lines(String text) {
        return read().lines().filter(line -> line.contains(text)).count();
    }

    static String masked(String phone) {
        return phone.substring(0, 3) + "****" + phone.substring(7);
    }

    static String forPhone(String phone) {
        return "one-time code for phone " + masked(phone);
    }

    static String forCard(String cardNumber) {
        return "sign-in code for card ****" + cardNumber.substring(cardNumber.length() - 4);
    }

    private String read() {
        try {
            return Files.readString(log, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
