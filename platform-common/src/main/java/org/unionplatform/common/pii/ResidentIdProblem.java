package org.unionplatform.common.pii;

/**
 * Why a string is not a resident ID number. Each reason has a message key in
 * {@code ContributorValidationMessages} (English and Chinese) used by {@link ResidentId}.
 */
public enum ResidentIdProblem {

	MISSING("missing", "no resident ID number was given"),
	LENGTH("length", "a resident ID number has 18 characters"),
	CHARACTERS("characters", "a resident ID number has 17 digits followed by a digit or X"),
	CHECK_CHARACTER("check-character", "the check character does not match: the number was probably mistyped"),
	REGION("region", "the first two digits are not a province code of GB/T 2260"),
	BIRTH_DATE("birth-date", "the birth date (characters 7 to 14) is not a real date between 1900 and today");

	private final String key;

	private final String description;

	ResidentIdProblem(String key, String description) {
		this.key = key;
		this.description = description;
	}

	/** Bean Validation message template naming this reason. */
	public String messageTemplate() {
		return "{org.unionplatform.common.pii.ResidentId." + this.key + "}";
	}

	/** Plain English description, also used as the exception message (it never contains the value). */
	public String description() {
		return this.description;
	}

}
