/**
 * Fees (手数料): what an application costs and whether it was paid. A payment is opened per reference (the
 * application) with a {@link org.madoguchi.payments.PaymentProvider} — the built-in {@code COUNTER} provider
 * means paying at the counter or on delivery (代金引換) — and settled by staff recording the payment
 * (with the receipt number) or waiving it (減免). Recording is published as
 * {@link org.madoguchi.payments.PaymentRecorded}. The API is {@link org.madoguchi.payments.Payments}.
 */
package org.madoguchi.payments;
