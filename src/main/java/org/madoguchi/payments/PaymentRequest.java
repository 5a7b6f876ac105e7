package org.madoguchi.payments;

import java.util.UUID;

/**
 * What a provider is asked to collect.
 *
 * @param reference what is paid for (the application id); one payment per reference
 * @param amountYen more than 0 (a zero amount never reaches a provider)
 * @param description what the applicant sees, e.g. 住民票の写し 2通
 */
public record PaymentRequest(UUID reference, int amountYen, String description) {
}
