package org.madoguchi.issuance;

import org.madoguchi.platform.RuleViolationException;

/**
 * A certified copy may not be issued: 支援措置, 抑止, a removed person on a 住民票の写し, a requester outside the
 * household without review … The message key says which rule; the refusal is in the access log.
 */
public class IssuanceRefusedException extends RuleViolationException {

	public IssuanceRefusedException(String code, Object... args) {
		super(code, args);
	}
}
