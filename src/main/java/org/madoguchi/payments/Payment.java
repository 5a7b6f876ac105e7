package org.madoguchi.payments;

import java.net.URI;
import java.time.Instant;
import java.util.UUID;

/**
 * The fee of one reference (an application) and whether it was paid.
 *
 * @param reference what is paid for (the application id)
 * @param amountYen the amount due, 0 for {@link PaymentState#NOT_REQUIRED}
 * @param provider the {@link PaymentProvider} name, e.g. {@code COUNTER}
 * @param state where the payment is
 * @param paidAt when it was recorded as paid or waived, else null
 * @param paidBy the staff user who recorded the payment or waived it, else null
 * @param receiptNumber the receipt (領収書) number given when recording, may be null
 * @param method how it was paid, when PAID
 * @param description what is paid for, as shown to the applicant
 * @param instructions how to pay, from the provider; null when nothing is owed
 * @param redirectUrl where an online provider takes the applicant to pay, else null
 * @param waiveReason why the fee was waived (減免の理由), when WAIVED
 * @param createdAt when the payment was opened
 */
public record Payment(UUID reference, int amountYen, String provider, PaymentState state, Instant paidAt, String paidBy,
		String receiptNumber, PaymentMethod method, String description, PaymentInstructions instructions,
		URI redirectUrl, String waiveReason, Instant createdAt) {
}
