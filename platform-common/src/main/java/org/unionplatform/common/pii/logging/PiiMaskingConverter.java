package org.unionplatform.common.pii.logging;

import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.pattern.CompositeConverter;

/** {@code %pii(...)}: masks personal data in whatever the inner pattern produced, for custom log patterns. */
public class PiiMaskingConverter extends CompositeConverter<ILoggingEvent> {

	@Override
	protected String transform(ILoggingEvent event, String in) {
		return PiiLogMasker.mask(in);
	}

}
