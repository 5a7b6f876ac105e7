package org.madoguchi.applications.web;

/** The portal page needs a signed-in resident (or the visitor's cookie) and there is none. */
class SignInRequired extends RuntimeException {

	SignInRequired() {
		super("sign-in required");
	}
}
