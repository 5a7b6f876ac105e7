package org.madoguchi.payments;

import java.util.Locale;

import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;

/**
 * {@value PaymentProvider#COUNTER}: the fee is paid in cash or by card at the counter when the applicant collects
 * what was issued, or to the carrier on delivery (代金引換). Nothing happens online; staff record the payment.
 * The instructions are the {@code payments.counter.instructions} message, so a city can reword them.
 */
@Component
class CounterPaymentProvider implements PaymentProvider {

	private final MessageSource messages;

	CounterPaymentProvider(MessageSource messages) {
		this.messages = messages;
	}

	@Override
	public String name() {
		return COUNTER;
	}

	@Override
	public PaymentStart start(PaymentRequest request) {
		Object[] args = { request.amountYen(), request.description() };
		return new PaymentStart(PaymentState.AWAITING_PAYMENT,
				new PaymentInstructions(messages.getMessage("payments.counter.instructions", args, Locale.JAPANESE),
						messages.getMessage("payments.counter.instructions", args, Locale.ENGLISH)),
				null);
	}
}
