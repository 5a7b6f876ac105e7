package org.madoguchi.payments;

import java.time.Instant;
import java.util.UUID;

/** Staff waived (免除) the fee of {@code reference}. Published inside the transaction that waived it. */
public record PaymentWaived(UUID reference, int amountYen, String staffUser, Instant at) {
}
