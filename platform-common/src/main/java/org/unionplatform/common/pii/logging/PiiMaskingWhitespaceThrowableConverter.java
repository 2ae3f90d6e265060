package org.unionplatform.common.pii.logging;

import ch.qos.logback.classic.spi.IThrowableProxy;

import org.springframework.boot.logging.logback.ExtendedWhitespaceThrowableProxyConverter;

/**
 * Replaces Boot's {@code %wEx} (its default exception word): exception messages often echo the input that
 * failed, so stack traces are masked too.
 */
public class PiiMaskingWhitespaceThrowableConverter extends ExtendedWhitespaceThrowableProxyConverter {

	@Override
	protected String throwableProxyToString(IThrowableProxy throwableProxy) {
		return PiiLogMasker.mask(super.throwableProxyToString(throwableProxy));
	}

}
