package org.madoguchi.payments;

/** How a recorded payment was made. Message keys: {@code payments.method.<name>}. */
public enum PaymentMethod {
	/** 現金: cash at the counter. */
	CASH,
	/** 代金引換: paid to the carrier on delivery of what was issued. */
	CASH_ON_DELIVERY,
	/** キャッシュレス決済: card or other cashless payment at the counter terminal. */
	CARD
}
