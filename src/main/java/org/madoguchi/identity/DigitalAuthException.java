package org.madoguchi.identity;

/**
 * A デジタル認証アプリ sign-in or signing that could not be completed; {@link #failure()} says what the resident is
 * told, the message what the log gets.
 */
public final class DigitalAuthException extends RuntimeException {

	/** What went wrong, as the resident is told it (message keys {@code identity.digitalAuth.failure.*}). */
	public enum Failure {
		/** The route is not configured in this city. */
		NOT_AVAILABLE(404),
		/** The resident cancelled in the app, or refused to approve. */
		CANCELLED(200),
		/** The callback belongs to no sign-in started in this browser, or was used already. */
		BAD_STATE(400),
		/** The sign-in was started too long ago. */
		EXPIRED(400),
		/** The provider could not be reached, answered with an error, or sent something that fails the checks. */
		PROVIDER_ERROR(502),
		/** No resident of the city in the register matches the card. */
		NO_MATCH(403),
		/** The card's person has no portal account yet. */
		NO_ACCOUNT(200),
		/** The card belongs to another person than the signed-in account. */
		OTHER_PERSON(403),
		/** The content to sign is empty, too large or the title unusable (a programming error of the caller). */
		BAD_CONTENT(400);

		final int status;

		Failure(int status) {
			this.status = status;
		}
	}

	private final Failure failure;

	/** The flow this failure ended, when its state was good (set on the way out of the callback). */
	transient PendingAuthorization flow;

	DigitalAuthException(Failure failure, String message) {
		super(message);
		this.failure = failure;
	}

	DigitalAuthException(Failure failure, String message, Throwable cause) {
		super(message, cause);
		this.failure = failure;
	}

	public Failure failure() {
		return failure;
	}
}
