package org.madoguchi.payments;

/**
 * A way of collecting fees. Every Spring bean implementing it is available under its {@link #name()}, the name
 * procedure definitions list in {@code fee.methods}. Built in: {@value #COUNTER}.
 */
public interface PaymentProvider {

	/** The built-in provider: pay at the counter, or on delivery (代金引換). */
	String COUNTER = "COUNTER";

	/** Upper-case name, {@code [A-Z0-9_]}, at most 40 characters. */
	String name();

	/** Starts collecting the amount; called once per reference (again only when the amount changes). */
	PaymentStart start(PaymentRequest request);
}
