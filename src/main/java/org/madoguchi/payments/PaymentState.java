package org.madoguchi.payments;

/** Where a payment is. Message keys: {@code payments.state.<name>}. */
public enum PaymentState {
	/** 手数料なし: the amount is 0. */
	NOT_REQUIRED,
	/** 未納 (支払待ち): opened, not yet paid. */
	AWAITING_PAYMENT,
	/** 納付済: staff recorded the payment. */
	PAID,
	/** 免除: staff waived the fee, with a reason. */
	WAIVED,
	/** 取消し: the application ended before anything was paid. */
	CANCELLED;

	/** Nothing more is owed: paid, waived or never needed. */
	public boolean isSettled() {
		return this == NOT_REQUIRED || this == PAID || this == WAIVED;
	}
}
