package org.unionplatform.common.pii.logging;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.unionplatform.common.pii.MobilePhoneNumber;
import org.unionplatform.common.pii.ResidentIdNumber;

/**
 * Masks resident ID numbers and mainland mobile numbers inside free text: the safety net for values that reach a
 * log line by mistake (an exception message echoing input, a debug line). An 18-character candidate is masked
 * only when its check character is right, so order numbers and other long digit strings stay readable; a
 * candidate touching a letter or digit (part of a hex trace id, a longer number) is left alone.
 */
public final class PiiLogMasker {

	private static final Pattern RESIDENT_ID = Pattern.compile("(?<![0-9A-Za-z])[0-9]{17}[0-9Xx](?![0-9A-Za-z])");

	private static final Pattern MOBILE_PHONE = Pattern
		.compile("(?<![0-9A-Za-z+])(?:(?:\\+|00)?86[ -]?)?(1[3-9][0-9])[ -]?([0-9]{4})[ -]?([0-9]{4})(?![0-9A-Za-z])");

	/** Shorter text cannot hold a mobile number, the shortest value masked. */
	private static final int SHORTEST_VALUE = 11;

	private PiiLogMasker() {
	}

	/** {@code text} with every resident ID and mobile number replaced by its mask; the same instance if none. */
	public static String mask(String text) {
		if (text == null || text.length() < SHORTEST_VALUE) {
			return text;
		}
		return maskMobilePhones(maskResidentIds(text));
	}

	private static String maskResidentIds(String text) {
		Matcher matcher = RESIDENT_ID.matcher(text);
		if (!matcher.find()) {
			return text;
		}
		StringBuilder masked = new StringBuilder(text.length());
		do {
			String candidate = matcher.group();
			String replacement = ResidentIdNumber.hasValidCheckCharacter(candidate)
					? ResidentIdNumber.mask(candidate.toUpperCase(java.util.Locale.ROOT)) : candidate;
			matcher.appendReplacement(masked, Matcher.quoteReplacement(replacement));
		}
		while (matcher.find());
		matcher.appendTail(masked);
		return masked.toString();
	}

	private static String maskMobilePhones(String text) {
		Matcher matcher = MOBILE_PHONE.matcher(text);
		if (!matcher.find()) {
			return text;
		}
		StringBuilder masked = new StringBuilder(text.length());
		do {
			String digits = matcher.group(1) + matcher.group(2) + matcher.group(3);
			matcher.appendReplacement(masked, MobilePhoneNumber.mask(digits));
		}
		while (matcher.find());
		matcher.appendTail(masked);
		return masked.toString();
	}

}
