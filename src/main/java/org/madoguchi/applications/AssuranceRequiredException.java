package org.madoguchi.applications;

import org.madoguchi.platform.RuleViolationException;
import org.madoguchi.procedures.Assurance;

/**
 * The procedure needs more certainty about the applicant than they have now: an account, a verified
 * email, or a My Number Card sign-in or signature. The portal turns this into a page that says how to get it.
 */
public class AssuranceRequiredException extends RuleViolationException {

	private final Assurance required;
	private final Assurance held;

	public AssuranceRequiredException(Assurance required, Assurance held) {
		super("applications.error.assurance." + required.name());
		this.required = required;
		this.held = held;
	}

	public Assurance required() {
		return required;
	}

	public Assurance held() {
		return held;
	}
}
