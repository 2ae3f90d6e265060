package org.unionplatform.common.reference;

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
        assertThat(DivisionCodes.selfAndEnclosing("610113002")).containsExactly("610113002", "610113", "610100",
                "610000");
    }

    @Test
    void aTownshipCodeIsItsCountysCodeAndThreeDigits() {
        assertThat(DivisionCodes.isValidTownship("610113002")).isTrue();
        assertThat(DivisionCodes.isValidTownship("610113000")).isFalse();
        assertThat(DivisionCodes.isValidTownship("610100002")).as("a city is no county").isFalse();
        assertThat(DivisionCodes.isValid("610113002")).as("not a GB/T 2260 code").isFalse();
        assertThat(DivisionCodes.county("610113002")).isEqualTo("610113");
        assertThat(DivisionCodes.contains("610113", "610113002")).isTrue();
        assertThat(DivisionCodes.contains("610113002", "610113")).isFalse();
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
