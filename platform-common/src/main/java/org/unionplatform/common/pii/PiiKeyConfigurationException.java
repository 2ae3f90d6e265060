package org.unionplatform.common.pii;

/** The {@code platform.pii.*} keys are missing or wrong. Thrown at startup so a service never runs without them. */
public class PiiKeyConfigurationException extends IllegalStateException {

	PiiKeyConfigurationException(String message) {
		super(message);
	}

	PiiKeyConfigurationException(String message, Throwable cause) {
		super(message, cause);
	}

}
