package org.unionplatform.common.pii;

/**
 * Why a string is not a mainland mobile number. Each reason has a message key in
 * {@code ContributorValidationMessages} (English and Chinese) used by {@link MobilePhone}.
 */
public enum MobilePhoneProblem {

	MISSING("missing", "no mobile number was given"),
	CHARACTERS("characters", "a mobile number has only digits, with an optional +86 prefix, spaces or dashes"),
	LENGTH("length", "a mainland mobile number has 11 digits"),
	NOT_MOBILE("not-mobile", "a mainland mobile number starts with 13 to 19");

	private final String key;

	private final String description;

	MobilePhoneProblem(String key, String description) {
		this.key = key;
		this.description = description;
	}

	/** Bean Validation message template naming this reason. */
	public String messageTemplate() {
		return "{org.unionplatform.common.pii.MobilePhone." + this.key + "}";
	}

	/** Plain English description, also used as the exception message (it never contains the value). */
	public String description() {
		return this.description;
	}

}
