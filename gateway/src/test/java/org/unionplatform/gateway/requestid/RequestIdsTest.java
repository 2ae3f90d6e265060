package org.unionplatform.gateway.requestid;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.UUID;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

class RequestIdsTest {

    @ParameterizedTest
    @ValueSource(strings = {"abcd1234", "mobile-app.7f3a_2026", "0123456789012345678901234567890123456789012345678901234567890123"})
    void saneIdsAreKept(String offered) {
        assertThat(RequestIds.acceptOrGenerate(offered)).isEqualTo(offered);
    }

    @ParameterizedTest
    @NullAndEmptySource
    @ValueSource(strings = {"short", "has space1", "semi;colon1", "line\nbreak1", "ünïcode-id",
            "01234567890123456789012345678901234567890123456789012345678901234"})
    void anythingElseIsReplacedByAUuid(String offered) {
        String chosen = RequestIds.acceptOrGenerate(offered);

        assertThat(chosen).isNotEqualTo(offered);
        assertThat(UUID.fromString(chosen).toString()).isEqualTo(chosen);
    }
}
