package org.unionplatform.common.pii;

/** A string is not a mainland mobile number. The message names the reason and never contains the value. */
public class InvalidMobilePhoneException extends IllegalArgumentException {

	private final MobilePhoneProblem problem;

	InvalidMobilePhoneException(MobilePhoneProblem problem) {
		super("Invalid mobile number: " + problem.description());
		this.problem = problem;
	}

	public MobilePhoneProblem problem() {
		return this.problem;
	}

}
