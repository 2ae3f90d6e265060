package org.unionplatform.membership.signin;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;

import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;

class LoggingSignInCodeSenderTest {

    private static final SignInCode CODE = new SignInCode("6101032600000125", "13912345678", "482913",
            Instant.parse("2026-11-29T04:00:00Z"));

    @Test
    void theDevelopmentSenderLogsTheCodeWithTheCardMaskedAndNeverThePhone() {
        Logger logger = (Logger) LoggerFactory.getLogger(LoggingSignInCodeSender.class);
        ListAppender<ILoggingEvent> captured = new ListAppender<>();
        captured.start();
        logger.addAppender(captured);
        try {
            new LoggingSignInCodeSender().send(CODE);
        } finally {
            logger.detachAppender(captured);
        }

        assertThat(captured.list).extracting(ILoggingEvent::getFormattedMessage)
                .contains("sign-in code for card ****0125: 482913")
                .noneMatch(line -> line.contains("13912345678") || line.contains("6101032600000125"));
    }

    @Test
    void aCodeForAPhoneAloneIsLoggedWithThePhoneMasked() {
        Logger logger = (Logger) LoggerFactory.getLogger(LoggingSignInCodeSender.class);
        ListAppender<ILoggingEvent> captured = new ListAppender<>();
        captured.start();
        logger.addAppender(captured);
        try {
            new LoggingSignInCodeSender().send(new SignInCode(null, "13912345678", "104729", CODE.expiresAt()));
        } finally {
            logger.detachAppender(captured);
        }

        assertThat(captured.list).extracting(ILoggingEvent::getFormattedMessage)
                .contains("one-time code for phone 139****5678: 104729")
                .noneMatch(line -> line.contains("13912345678"));
    }

    @Test
    void aCodeToBeSentShowsNeitherPhoneNorCodeNorFullCardWhenPrinted() {
        assertThat(CODE.toString()).contains("****0125").doesNotContain("13912345678", "482913", "6101032600000125");
        assertThat(SignInCode.maskCard("12")).isEqualTo("****");
    }
}
