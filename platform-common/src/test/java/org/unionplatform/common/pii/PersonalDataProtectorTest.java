package org.unionplatform.common.pii;

import java.util.Base64;
import java.util.Map;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class PersonalDataProtectorTest {

	private static final ResidentIdNumber ID = ResidentIdNumber.parse("11010519491231002X");

	private static final MobilePhoneNumber PHONE = MobilePhoneNumber.parse("13812345678");

	private final String oldKey = TestKeys.randomKey();

	private final String newKey = TestKeys.randomKey();

	private final String lookupKey = TestKeys.randomKey();

	private final PersonalDataProtector protector = PersonalDataProtector.create(Map.of("k1", this.oldKey), "k1",
			this.lookupKey);

	@Test
	void protectedIdRevealsTheSameNumberAndStoresNoPlaintext() {
		ProtectedResidentId stored = this.protector.protect(ID);

		assertThat(this.protector.reveal(stored)).isEqualTo(ID);
		assertThat(stored.ciphertext()).startsWith("v1:k1:").doesNotContain("19491231");
		assertThat(stored.masked()).isEqualTo("110***********002X");
		assertThat(stored.lookupHash()).hasSize(64).doesNotContain("19491231");
	}

	@Test
	void protectedPhoneRevealsTheSameNumber() {
		ProtectedMobilePhone stored = this.protector.protect(PHONE);

		assertThat(this.protector.reveal(stored)).isEqualTo(PHONE);
		assertThat(stored.masked()).isEqualTo("138****5678");
		assertThat(stored.ciphertext()).doesNotContain("12345678");
	}

	@Test
	void theSameValueEncryptsDifferentlyEachTimeButHashesTheSame() {
		ProtectedResidentId first = this.protector.protect(ID);
		ProtectedResidentId second = this.protector.protect(ID);

		assertThat(first.ciphertext()).isNotEqualTo(second.ciphertext());
		assertThat(first.lookupHash()).isEqualTo(second.lookupHash()).isEqualTo(this.protector.lookupHash(ID));
	}

	@Test
	void theLookupHashIsStableAcrossInstancesAndDependsOnTheLookupKey() {
		PersonalDataProtector sameKeys = PersonalDataProtector.create(Map.of("k9", this.newKey), "k9",
				this.lookupKey);
		PersonalDataProtector otherLookupKey = PersonalDataProtector.create(Map.of("k1", this.oldKey), "k1",
				TestKeys.randomKey());

		assertThat(sameKeys.lookupHash(ID)).isEqualTo(this.protector.lookupHash(ID));
		assertThat(otherLookupKey.lookupHash(ID)).isNotEqualTo(this.protector.lookupHash(ID));
		assertThat(this.protector.lookupHash(ResidentIdNumber.parse("110105199003071239")))
			.isNotEqualTo(this.protector.lookupHash(ID));
	}

	@Test
	void anIdAndAPhoneWithTheSameDigitsNeverShareAHash() {
		assertThat(this.protector.lookupHash(PHONE)).isNotEqualTo(this.protector.lookupHash(ID));
		assertThat(this.protector.lookupHash(PHONE)).hasSize(64);
	}

	@Test
	void afterRotationOldValuesStillDecryptAndNewValuesUseTheActiveKey() {
		ProtectedResidentId storedBeforeRotation = this.protector.protect(ID);
		PersonalDataProtector rotated = PersonalDataProtector
			.create(Map.of("k1", this.oldKey, "k2", this.newKey), "k2", this.lookupKey);

		ProtectedResidentId storedAfterRotation = rotated.protect(ID);

		assertThat(rotated.reveal(storedBeforeRotation)).isEqualTo(ID);
		assertThat(rotated.isEncryptedWithActiveKey(storedBeforeRotation)).isFalse();
		assertThat(storedAfterRotation.ciphertext()).startsWith("v1:k2:");
		assertThat(rotated.isEncryptedWithActiveKey(storedAfterRotation)).isTrue();
		assertThat(storedAfterRotation.lookupHash()).isEqualTo(storedBeforeRotation.lookupHash());
	}

	@Test
	void aRemovedKeyIdFailsLoudlyNamingTheKey() {
		ProtectedResidentId stored = this.protector.protect(ID);
		PersonalDataProtector withoutOldKey = PersonalDataProtector.create(Map.of("k2", this.newKey), "k2",
				this.lookupKey);

		assertThatThrownBy(() -> withoutOldKey.reveal(stored)).isInstanceOf(PersonalDataDecryptionException.class)
			.satisfies(ex -> assertThat(reason(ex)).isEqualTo(PersonalDataDecryptionException.Reason.UNKNOWN_KEY))
			.hasMessageContaining("'k1'");
	}

	@Test
	void aKeyWithTheSameIdButOtherBytesIsDetectedAsTampering() {
		ProtectedResidentId stored = this.protector.protect(ID);
		PersonalDataProtector wrongKey = PersonalDataProtector.create(Map.of("k1", this.newKey), "k1",
				this.lookupKey);

		assertThatThrownBy(() -> wrongKey.reveal(stored))
			.satisfies(ex -> assertThat(reason(ex)).isEqualTo(PersonalDataDecryptionException.Reason.TAMPERED));
	}

	@Test
	void everyFlippedBitOfTheCiphertextIsDetected() {
		ProtectedResidentId stored = this.protector.protect(ID);
		String prefix = "v1:k1:";
		byte[] sealed = Base64.getDecoder().decode(stored.ciphertext().substring(prefix.length()));
		for (int bit = 0; bit < sealed.length * 8; bit++) {
			byte[] altered = sealed.clone();
			altered[bit / 8] ^= (byte) (1 << (bit % 8));
			ProtectedResidentId tampered = new ProtectedResidentId(
					prefix + Base64.getEncoder().encodeToString(altered), stored.lookupHash(), stored.masked());

			assertThatThrownBy(() -> this.protector.reveal(tampered))
				.satisfies(ex -> assertThat(reason(ex)).isEqualTo(PersonalDataDecryptionException.Reason.TAMPERED));
		}
	}

	@Test
	void aPhoneCiphertextCannotBePassedOffAsAnId() {
		ProtectedMobilePhone phone = this.protector.protect(PHONE);
		ProtectedResidentId swapped = new ProtectedResidentId(phone.ciphertext(), this.protector.lookupHash(ID),
				"110***********002X");

		assertThatThrownBy(() -> this.protector.reveal(swapped))
			.satisfies(ex -> assertThat(reason(ex)).isEqualTo(PersonalDataDecryptionException.Reason.TAMPERED));
	}

	@Test
	void aCiphertextCopiedFromAnotherPersonDoesNotMatchTheRecordsHash() {
		ProtectedResidentId someoneElse = this.protector.protect(ResidentIdNumber.parse("110105199003071239"));
		ProtectedResidentId copied = new ProtectedResidentId(someoneElse.ciphertext(), this.protector.lookupHash(ID),
				"110***********002X");

		assertThatThrownBy(() -> this.protector.reveal(copied)).satisfies(
				ex -> assertThat(reason(ex)).isEqualTo(PersonalDataDecryptionException.Reason.INCONSISTENT));
	}

	@Test
	void malformedStoredValuesFailWithoutDecrypting() {
		String hash = this.protector.lookupHash(ID);
		for (String ciphertext : new String[] { "", "11010519491231002X", "v2:k1:AAAA", "v1:k1:not base64!",
				"v1:k1:AAAA" }) {
			ProtectedResidentId stored = new ProtectedResidentId(ciphertext, hash, "110***********002X");

			assertThatThrownBy(() -> this.protector.reveal(stored)).as(ciphertext)
				.satisfies(ex -> assertThat(reason(ex)).isEqualTo(PersonalDataDecryptionException.Reason.MALFORMED));
		}
	}

	@Test
	void storedFormsPrintOnlyTheMask() {
		ProtectedResidentId id = this.protector.protect(ID);
		ProtectedMobilePhone phone = this.protector.protect(PHONE);

		assertThat(id.toString()).isEqualTo("110***********002X");
		assertThat(phone.toString()).isEqualTo("138****5678");
	}

	@Test
	void rejectsKeysOfTheWrongSizeOrAnActiveIdWithoutAKey() {
		String shortKey = Base64.getEncoder().encodeToString(new byte[16]);

		assertThatThrownBy(() -> PersonalDataProtector.create(Map.of("k1", shortKey), "k1", this.lookupKey))
			.isInstanceOf(PiiKeyConfigurationException.class)
			.hasMessageContaining("32 bytes");
		assertThatThrownBy(() -> PersonalDataProtector.create(Map.of("k1", this.oldKey), "k2", this.lookupKey))
			.isInstanceOf(PiiKeyConfigurationException.class)
			.hasMessageContaining("active-key-id");
		assertThatThrownBy(() -> PersonalDataProtector.create(Map.of("k:1", this.oldKey), "k:1", this.lookupKey))
			.isInstanceOf(PiiKeyConfigurationException.class);
		assertThatThrownBy(() -> PersonalDataProtector.create(Map.of("k1", this.oldKey), "k1", shortKey))
			.isInstanceOf(PiiKeyConfigurationException.class)
			.hasMessageContaining("lookup-key")
			.hasMessageNotContaining(shortKey);
	}

	private static PersonalDataDecryptionException.Reason reason(Throwable ex) {
		return ((PersonalDataDecryptionException) ex).reason();
	}

}
