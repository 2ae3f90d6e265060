package org.unionplatform.common.pii.logging;

import ch.qos.logback.classic.pattern.MessageConverter;
import ch.qos.logback.classic.spi.ILoggingEvent;

/** Replaces {@code %m}, {@code %msg} and {@code %message}: the log message with personal data masked. */
public class PiiMaskingMessageConverter extends MessageConverter {

	@Override
	public String convert(ILoggingEvent event) {
		return PiiLogMasker.mask(super.convert(event));
	}

}
