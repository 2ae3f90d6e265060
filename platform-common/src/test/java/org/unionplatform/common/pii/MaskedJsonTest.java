package org.unionplatform.common.pii;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;

class MaskedJsonTest {

	record MemberResponse(ResidentIdNumber residentId, ProtectedResidentId storedId, MobilePhoneNumber phone,
			ProtectedMobilePhone storedPhone) {
	}

	private final PersonalDataProtector protector = TestKeys.protector();

	@Test
	void responsesCarryOnlyMasksNeverTheValueCiphertextOrHash() {
		ResidentIdNumber id = ResidentIdNumber.parse("11010519491231002X");
		MobilePhoneNumber phone = MobilePhoneNumber.parse("13812345678");
		ProtectedResidentId storedId = this.protector.protect(id);
		ProtectedMobilePhone storedPhone = this.protector.protect(phone);

		String json = JsonMapper.builder().build()
			.writeValueAsString(new MemberResponse(id, storedId, phone, storedPhone));

		assertThat(json).isEqualTo("{\"residentId\":\"110***********002X\",\"storedId\":\"110***********002X\","
				+ "\"phone\":\"138****5678\",\"storedPhone\":\"138****5678\"}");
		assertThat(json).doesNotContain(storedId.ciphertext(), storedId.lookupHash(), storedPhone.ciphertext(),
				storedPhone.lookupHash());
	}

	@Test
	void aValueInsideACollectionIsMaskedToo() {
		String json = JsonMapper.builder().build()
			.writeValueAsString(java.util.Map.of("ids", java.util.List.of(ResidentIdNumber.parse("110105199003071239"))));

		assertThat(json).isEqualTo("{\"ids\":[\"110***********1239\"]}");
	}

}
