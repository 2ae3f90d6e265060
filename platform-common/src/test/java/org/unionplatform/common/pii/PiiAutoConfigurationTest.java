package org.unionplatform.common.pii;

import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

import static org.assertj.core.api.Assertions.assertThat;

class PiiAutoConfigurationTest {

	private static final ResidentIdNumber ID = ResidentIdNumber.parse("11010519491231002X");

	private final ApplicationContextRunner contextRunner = new ApplicationContextRunner()
		.withConfiguration(AutoConfigurations.of(PiiAutoConfiguration.class));

	@Test
	void withoutKeysTheServiceDoesNotStart() {
		this.contextRunner.run(context -> assertThat(context).hasFailed()
			.getFailure()
			.rootCause()
			.isInstanceOf(PiiKeyConfigurationException.class)
			.hasMessageContaining("platform.pii.keys"));
	}

	@Test
	void configuredKeysAreUsedAndOldKeysStillDecrypt() {
		String oldKey = TestKeys.randomKey();
		String lookupKey = TestKeys.randomKey();
		ProtectedResidentId storedWithOldKey = PersonalDataProtector
			.create(java.util.Map.of("2025", oldKey), "2025", lookupKey)
			.protect(ID);

		this.contextRunner
			.withPropertyValues("platform.pii.keys.2025=" + oldKey, "platform.pii.keys.2026=" + TestKeys.randomKey(),
					"platform.pii.active-key-id=2026", "platform.pii.lookup-key=" + lookupKey)
			.run(context -> {
				PersonalDataProtector protector = context.getBean(PersonalDataProtector.class);
				assertThat(protector.reveal(storedWithOldKey)).isEqualTo(ID);
				assertThat(protector.protect(ID).ciphertext()).startsWith("v1:2026:");
			});
	}

	@Test
	void aPartialConfigurationFailsEvenWhenDevelopmentKeysAreAllowed() {
		this.contextRunner
			.withPropertyValues("platform.pii.allow-generated-dev-keys=true",
					"platform.pii.keys.k1=" + TestKeys.randomKey(), "platform.pii.active-key-id=k1")
			.run(context -> assertThat(context).hasFailed()
				.getFailure()
				.rootCause()
				.hasMessageContaining("platform.pii.lookup-key"));
	}

	@Test
	void allowedDevelopmentKeysAreGeneratedInMemory() {
		this.contextRunner.withPropertyValues("platform.pii.allow-generated-dev-keys=true").run(context -> {
			PersonalDataProtector protector = context.getBean(PersonalDataProtector.class);
			assertThat(protector.reveal(protector.protect(ID))).isEqualTo(ID);
		});
	}

	@Test
	void developmentKeysInAKeyFileSurviveARestart(@TempDir Path dataDirectory) throws Exception {
		Path keyFile = dataDirectory.resolve("pii/dev-keys.properties");
		ProtectedResidentId[] stored = new ProtectedResidentId[1];
		ApplicationContextRunner withKeyFile = this.contextRunner.withPropertyValues(
				"platform.pii.allow-generated-dev-keys=true", "platform.pii.dev-key-file=" + keyFile);

		withKeyFile.run(context -> stored[0] = context.getBean(PersonalDataProtector.class).protect(ID));
		withKeyFile.run(context -> assertThat(context.getBean(PersonalDataProtector.class).reveal(stored[0]))
			.isEqualTo(ID));

		assertThat(keyFile).exists();
		assertThat(Files.getPosixFilePermissions(keyFile)).extracting(Object::toString)
			.containsExactlyInAnyOrder("OWNER_READ", "OWNER_WRITE");
	}

	@Test
	void aServiceCanProvideItsOwnProtector() {
		PersonalDataProtector own = TestKeys.protector();

		this.contextRunner.withBean(PersonalDataProtector.class, () -> own)
			.run(context -> assertThat(context.getBean(PersonalDataProtector.class)).isSameAs(own));
	}

	@Test
	void propertiesNeverPrintKeyMaterial() {
		String key = TestKeys.randomKey();
		PiiProperties properties = new PiiProperties(java.util.Map.of("k1", key), "k1", key, false, null);

		assertThat(properties.toString()).contains("k1").doesNotContain(key);
	}

}
