package org.unionplatform.common.pii;

/** A string is not a valid resident ID number. The message names the reason and never contains the value. */
public class InvalidResidentIdException extends IllegalArgumentException {

	private final ResidentIdProblem problem;

	InvalidResidentIdException(ResidentIdProblem problem) {
		super("Invalid resident ID number: " + problem.description());
		this.problem = problem;
	}

	public ResidentIdProblem problem() {
		return this.problem;
	}

}
