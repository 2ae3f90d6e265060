package org.unionplatform.common.pii.logging;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;

class PiiLogMaskerTest {

	@ParameterizedTest
	@CsvSource(delimiter = '|', value = { "id=11010519491231002X|id=110***********002X",
			"身份证11010519491231002x已登记|身份证110***********002X已登记",
			"[110105199003071239, 440304198511202246]|[110***********1239, 440***********2246]",
			"phone 13812345678 ok|phone 138****5678 ok", "tel:+86 138-1234-5678.|tel:138****5678.",
			"手机8613812345678|手机138****5678",
			"id 11010519491231002X phone 13812345678|id 110***********002X phone 138****5678" })
	void masksIdsAndMobileNumbersWhereverTheyAppear(String line, String expected) {
		assertThat(PiiLogMasker.mask(line)).isEqualTo(expected);
	}

	@ParameterizedTest
	@ValueSource(strings = { "order 110105194912310021 shipped", "trace 4bf92f3577b34da6a3ce929d0e0e4736",
			"span ab13812345678cd", "epoch 1731234567890", "amount 12812345678", "took 13812345678901 ns",
			"nothing to see" })
	void leavesOtherNumbersAlone(String line) {
		assertThat(PiiLogMasker.mask(line)).isEqualTo(line);
	}

	@Test
	void handlesNullAndShortText() {
		assertThat(PiiLogMasker.mask(null)).isNull();
		assertThat(PiiLogMasker.mask("short")).isEqualTo("short");
	}

}
