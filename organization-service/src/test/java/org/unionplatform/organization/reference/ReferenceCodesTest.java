package org.unionplatform.organization.reference;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class ReferenceCodesTest {

    @ParameterizedTest
    @ValueSource(strings = {"610000", "610100", "610103", "110101", "469001", "659001", "820000"})
    void realDivisionShapesAreAccepted(String code) {
        assertThat(DivisionCodes.isValid(code)).isTrue();
    }

    @ParameterizedTest
    @ValueSource(strings = {"990000", "100000", "610001", "617100", "618000", "61010", "6101000", "61O100", ""})
    void impossibleDivisionShapesAreRefused(String code) {
        assertThat(DivisionCodes.isValid(code)).isFalse();
    }

    @ParameterizedTest
    @CsvSource({"610000, 610103, true", "610100, 610103, true", "610103, 610103, true", "610100, 610402, false",
            "610103, 610100, false", "610000, 620100, false"})
    void anAreaContainsTheAreasWithinIt(String outer, String inner, boolean contained) {
        assertThat(DivisionCodes.contains(outer, inner)).isEqualTo(contained);
    }

    @Test
    void enclosingAreasComeMostSpecificFirst() {
        assertThat(DivisionCodes.selfAndEnclosing("610103")).containsExactly("610103", "610100", "610000");
        assertThat(DivisionCodes.selfAndEnclosing("610400")).containsExactly("610400", "610000");
        assertThat(DivisionCodes.selfAndEnclosing("610000")).containsExactly("610000");
    }

    @ParameterizedTest
    @ValueSource(strings = {"91350100M000100Y43", "91110000600037341L"})
    void publishedCreditCodesHaveAValidCheckCharacter(String code) {
        assertThat(CreditCodes.isValid(code)).isTrue();
    }

    @ParameterizedTest
    @ValueSource(strings = {"91350100M000100Y44", "91350100M000100Y4", "91350100M000100I43", "9135010OM000100Y43"})
    void wrongCheckCharactersLengthsAndLettersAreRefused(String code) {
        assertThat(CreditCodes.isValid(code)).isFalse();
    }
}
