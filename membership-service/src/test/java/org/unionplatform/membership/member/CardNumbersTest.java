package org.unionplatform.membership.member;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class CardNumbersTest {

    @Test
    void aCardNumberCarriesALuhnCheckDigit() {
        assertThat(CardNumbers.luhnCheckDigit("610103260000012")).isEqualTo('7');
        assertThat(CardNumbers.isWellFormed("6101032600000127")).isTrue();
    }

    @Test
    void aSingleMistypedDigitIsRecognised() {
        assertThat(CardNumbers.isWellFormed("6101032600000137")).isFalse();
        assertThat(CardNumbers.isWellFormed("610103260000012")).isFalse();
        assertThat(CardNumbers.isWellFormed("61010326000001X7")).isFalse();
    }
}
