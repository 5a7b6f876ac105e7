package org.madoguchi.payments;

import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/**
 * Published API of the payments module (手数料).
 *
 * <p>Bad input is an {@link org.madoguchi.platform.InvalidInputException} (fields {@code amountYen},
 * {@code provider}, {@code description}, {@code receiptNumber}, {@code method}, {@code reason}; codes
 * {@code payments.error.*}); a change the payment's state does not allow is a
 * {@link org.madoguchi.platform.RuleViolationException} ({@code payments.error.alreadyPaid},
 * {@code .alreadyWaived}, {@code .notAwaiting}, {@code .cancelled}, {@code .settled}, {@code .concurrentChange});
 * an unknown reference is a {@link org.madoguchi.platform.NotFoundException}.
 */
public interface Payments {

	/**
	 * Opens the payment of a reference, or returns it when it is already open with the same amount and provider
	 * (safe to call again, e.g. on a retried submission). A different amount or provider restarts a payment
	 * that is still awaiting payment (an application resubmitted after 差戻し); a paid, waived or cancelled one
	 * is not changed (RuleViolationException). An amount of 0 gives {@link PaymentState#NOT_REQUIRED}.
	 *
	 * @param amountYen 0 to 10,000,000
	 * @param provider a {@link PaymentProvider} name, e.g. {@code COUNTER}
	 * @param description what is paid for, at most 200 characters
	 */
	Payment open(UUID reference, int amountYen, String provider, String description);

	Optional<Payment> find(UUID reference);

	/**
	 * Records that the fee was paid. Refused when it was already recorded (two clerks, or a double click).
	 *
	 * @param staffUser who took the money
	 * @param receiptNumber the receipt (領収書) number, at most 40 characters; may be null or blank
	 * @param method {@code CASH}, {@code CASH_ON_DELIVERY} or {@code CARD}
	 */
	Payment recordPaid(UUID reference, String staffUser, String receiptNumber, String method);

	/** Waives (免除) a fee that is awaiting payment; {@code reason} is required (at most 500 characters). */
	Payment waive(UUID reference, String staffUser, String reason);

	/** Cancels a payment that was not paid (the application was withdrawn or rejected); cancelling again is harmless. */
	Payment cancel(UUID reference);

	/** The names of the available providers. */
	Set<String> providers();
}
