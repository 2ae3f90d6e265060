package org.unionplatform.common.pii;

/** Gender as encoded in the 17th character of a resident ID number (odd: male, even: female). */
public enum Gender {

	MALE, FEMALE

}
