package org.madoguchi.payments;

import java.time.Instant;
import java.util.UUID;

/** Staff recorded that the fee of {@code reference} was paid. Published inside the recording transaction. */
public record PaymentRecorded(UUID reference, int amountYen, Instant at) {
}
