package org.unionplatform.common.pii.logging;

import ch.qos.logback.classic.pattern.ExtendedThrowableProxyConverter;
import ch.qos.logback.classic.spi.IThrowableProxy;

/** Replaces logback's {@code %ex}/{@code %xEx} family: stack traces with personal data masked. */
public class PiiMaskingThrowableConverter extends ExtendedThrowableProxyConverter {

	@Override
	protected String throwableProxyToString(IThrowableProxy throwableProxy) {
		return PiiLogMasker.mask(super.throwableProxyToString(throwableProxy));
	}

}
