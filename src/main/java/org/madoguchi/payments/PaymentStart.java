package org.madoguchi.payments;

import java.net.URI;

/**
 * What a provider answers when a payment is opened.
 *
 * @param state {@link PaymentState#AWAITING_PAYMENT} (the only state a provider may start in today)
 * @param instructions how and where to pay
 * @param redirectUrl for online providers: where to send the applicant to pay; null for the counter
 */
public record PaymentStart(PaymentState state, PaymentInstructions instructions, URI redirectUrl) {
}
