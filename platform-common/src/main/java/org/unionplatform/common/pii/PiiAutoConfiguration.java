package org.unionplatform.common.pii;

import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;

import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;

/**
 * Provides the {@link PersonalDataProtector}. Without configured keys a service fails at startup, unless
 * {@code platform.pii.allow-generated-dev-keys=true} (local launcher, tests): a forgotten setting in production
 * must stop the service, not encrypt real data with a throwaway or, worse, a well-known key.
 */
@AutoConfiguration
@EnableConfigurationProperties(PiiProperties.class)
public class PiiAutoConfiguration {

	private static final Log logger = LogFactory.getLog(PiiAutoConfiguration.class);

	@Bean
	@ConditionalOnMissingBean
	PersonalDataProtector personalDataProtector(PiiProperties properties) {
		return new PersonalDataProtector(keys(properties));
	}

	static PiiKeys keys(PiiProperties properties) {
		if (!properties.hasNoKeyMaterial()) {
			return PiiKeys.fromBase64(properties.keys(), properties.activeKeyId(), properties.lookupKey());
		}
		if (!properties.allowGeneratedDevKeys()) {
			throw new PiiKeyConfigurationException("No PII keys configured. Set platform.pii.keys.<id> (base64 of 32"
					+ " random bytes), platform.pii.active-key-id and platform.pii.lookup-key; for local development"
					+ " only, set platform.pii.allow-generated-dev-keys=true instead.");
		}
		if (properties.devKeyFile() != null) {
			logger.warn("Using generated development PII keys from " + properties.devKeyFile()
					+ ": never for real personal data");
			return DevelopmentKeys.loadOrCreate(properties.devKeyFile());
		}
		logger.warn("Using in-memory generated development PII keys: data encrypted now cannot be decrypted"
				+ " after a restart; never for real personal data");
		return DevelopmentKeys.generate();
	}

}
