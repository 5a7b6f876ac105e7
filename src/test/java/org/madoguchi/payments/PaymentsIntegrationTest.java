package org.madoguchi.payments;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.junit.jupiter.api.Test;
import org.madoguchi.platform.InvalidInputException;
import org.madoguchi.platform.NotFoundException;
import org.madoguchi.platform.RuleViolationException;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.event.ApplicationEvents;
import org.springframework.test.context.event.RecordApplicationEvents;

/** The payment state machine on the shared test database; each test uses its own references. */
@SpringBootTest
@RecordApplicationEvents
class PaymentsIntegrationTest {

	@Autowired
	Payments payments;

	@Autowired
	ApplicationEvents events;

	@Test
	void aCounterPaymentIsOpenedOnceAndRecordedOnce() {
		UUID reference = UUID.randomUUID();

		Payment opened = payments.open(reference, 600, "COUNTER", "住民票の写し 2通");

		assertThat(opened.state()).isEqualTo(PaymentState.AWAITING_PAYMENT);
		assertThat(opened.amountYen()).isEqualTo(600);
		assertThat(opened.provider()).isEqualTo(PaymentProvider.COUNTER);
		assertThat(opened.instructions().in(Locale.JAPANESE)).contains("600 円", "住民票の写し 2通", "窓口", "代金引換");
		assertThat(opened.instructions().in(Locale.ENGLISH)).contains("600 yen", "counter", "cash on delivery");
		assertThat(opened.redirectUrl()).isNull();
		assertThat(opened.paidAt()).isNull();
		// idempotent: a retried submission gets the same payment
		assertThat(payments.open(reference, 600, "counter", "住民票の写し 2通")).isEqualTo(opened);
		assertThat(payments.find(reference)).contains(opened);

		Instant before = Instant.now().minusSeconds(1);
		Payment paid = payments.recordPaid(reference, "clerk1", "R-2026-000123", "CASH");

		assertThat(paid.state()).isEqualTo(PaymentState.PAID);
		assertThat(paid.paidBy()).isEqualTo("clerk1");
		assertThat(paid.receiptNumber()).isEqualTo("R-2026-000123");
		assertThat(paid.method()).isEqualTo(PaymentMethod.CASH);
		assertThat(paid.paidAt()).isAfter(before);
		assertThat(events.stream(PaymentRecorded.class).filter(e -> e.reference().equals(reference)))
			.singleElement()
			.satisfies(e -> {
				assertThat(e.amountYen()).isEqualTo(600);
				assertThat(e.at()).isEqualTo(paid.paidAt());
			});

		RuleViolationException twice = catchThrowableOfType(RuleViolationException.class,
				() -> payments.recordPaid(reference, "clerk2", "R-2026-000124", "CARD"));
		assertThat(twice.code()).isEqualTo("payments.error.alreadyPaid");
		assertThat(twice.args()).containsExactly("R-2026-000123");
		assertThat(payments.find(reference)).contains(paid);
		assertThat(events.stream(PaymentRecorded.class).filter(e -> e.reference().equals(reference))).hasSize(1);

		assertRule(() -> payments.waive(reference, "clerk2", "生活保護受給者"), "payments.error.alreadyPaid");
		assertRule(() -> payments.cancel(reference), "payments.error.alreadyPaid");
		assertRule(() -> payments.open(reference, 900, "COUNTER", "住民票の写し 3通"), "payments.error.alreadyPaid");
		// the same open again still answers with the paid payment
		assertThat(payments.open(reference, 600, "COUNTER", "住民票の写し 2通").state()).isEqualTo(PaymentState.PAID);
	}

	@Test
	void aZeroAmountNeedsNoPayment() {
		UUID reference = UUID.randomUUID();

		Payment free = payments.open(reference, 0, "COUNTER", "転入届");

		assertThat(free.state()).isEqualTo(PaymentState.NOT_REQUIRED);
		assertThat(free.state().isSettled()).isTrue();
		assertThat(free.instructions()).isNull();
		assertRule(() -> payments.recordPaid(reference, "clerk1", null, "CASH"), "payments.error.notAwaiting");
		assertThat(payments.cancel(reference).state()).isEqualTo(PaymentState.CANCELLED);
	}

	@Test
	void aFeeIsWaivedWithAReasonOnce() {
		UUID reference = UUID.randomUUID();
		payments.open(reference, 300, "COUNTER", "印鑑登録証明書");

		assertThat(catchThrowableOfType(InvalidInputException.class, () -> payments.waive(reference, "clerk1", " "))
			.errors()).singleElement().satisfies(e -> {
				assertThat(e.field()).isEqualTo("reason");
				assertThat(e.code()).isEqualTo("payments.error.reason");
			});

		Payment waived = payments.waive(reference, "clerk1", "災害による減免");

		assertThat(waived.state()).isEqualTo(PaymentState.WAIVED);
		assertThat(waived.waiveReason()).isEqualTo("災害による減免");
		assertThat(waived.paidBy()).isEqualTo("clerk1");
		assertThat(waived.receiptNumber()).isNull();
		assertThat(events.stream(PaymentWaived.class).filter(e -> e.reference().equals(reference))).singleElement()
			.satisfies(e -> assertThat(e.staffUser()).isEqualTo("clerk1"));
		assertThat(events.stream(PaymentRecorded.class).filter(e -> e.reference().equals(reference))).isEmpty();
		assertRule(() -> payments.waive(reference, "clerk2", "again"), "payments.error.alreadyWaived");
		assertRule(() -> payments.recordPaid(reference, "clerk2", "R-1", "CASH"), "payments.error.alreadyWaived");
	}

	@Test
	void aCancelledPaymentCannotBePaid() {
		UUID reference = UUID.randomUUID();
		payments.open(reference, 300, "COUNTER", "課税証明書");

		Payment cancelled = payments.cancel(reference);

		assertThat(cancelled.state()).isEqualTo(PaymentState.CANCELLED);
		assertThat(payments.cancel(reference)).isEqualTo(cancelled);
		assertRule(() -> payments.recordPaid(reference, "clerk1", "R-1", "CASH"), "payments.error.cancelled");
		assertRule(() -> payments.open(reference, 600, "COUNTER", "課税証明書 2通"), "payments.error.cancelled");
	}

	@Test
	void aChangedAmountRestartsAPaymentStillAwaited() {
		UUID reference = UUID.randomUUID();
		payments.open(reference, 300, "COUNTER", "住民票の写し 1通");

		Payment changed = payments.open(reference, 900, "COUNTER", "住民票の写し 3通");

		assertThat(changed.state()).isEqualTo(PaymentState.AWAITING_PAYMENT);
		assertThat(changed.amountYen()).isEqualTo(900);
		assertThat(changed.description()).isEqualTo("住民票の写し 3通");
		assertThat(changed.instructions().ja()).contains("900 円");
		assertThat(payments.open(reference, 0, "COUNTER", "住民票の写し 0通").state()).isEqualTo(PaymentState.NOT_REQUIRED);
	}

	@Test
	void badInputNamesTheField() {
		UUID reference = UUID.randomUUID();
		assertInvalid(() -> payments.open(reference, -1, "COUNTER", "x"), "amountYen", "payments.error.amount");
		assertInvalid(() -> payments.open(reference, 10_000_001, "COUNTER", "x"), "amountYen", "payments.error.amount");
		assertInvalid(() -> payments.open(reference, 300, "BITCOIN", "x"), "provider", "payments.error.unknownProvider");
		assertInvalid(() -> payments.open(reference, 300, "COUNTER", " "), "description", "payments.error.description");
		assertInvalid(() -> payments.open(reference, 300, "COUNTER", "あ".repeat(201)), "description",
				"payments.error.description");
		assertThat(payments.find(reference)).isEmpty();

		payments.open(reference, 300, "COUNTER", "x");
		assertInvalid(() -> payments.recordPaid(reference, "clerk1", "R-1", "BANK_TRANSFER"), "method",
				"payments.error.method");
		assertInvalid(() -> payments.recordPaid(reference, "clerk1", "R".repeat(41), "CASH"), "receiptNumber",
				"payments.error.receiptNumber");
		assertThat(payments.find(reference).orElseThrow().state()).isEqualTo(PaymentState.AWAITING_PAYMENT);
		assertThatThrownBy(() -> payments.recordPaid(UUID.randomUUID(), "clerk1", "R-1", "CASH"))
			.isInstanceOf(NotFoundException.class);
		assertThat(payments.providers()).contains("COUNTER");
	}

	@Test
	void twoClerksRecordingAtOnceRecordItOnce() throws Exception {
		UUID reference = UUID.randomUUID();
		payments.open(reference, 450, "COUNTER", "戸籍証明書");
		int clerks = 4;
		CountDownLatch start = new CountDownLatch(1);
		ExecutorService pool = Executors.newFixedThreadPool(clerks);
		try {
			List<Future<String>> results = new ArrayList<>();
			for (int i = 0; i < clerks; i++) {
				String clerk = "clerk" + i;
				results.add(pool.submit(() -> {
					start.await();
					try {
						payments.recordPaid(reference, clerk, "R-" + clerk, "CASH");
						return "paid";
					}
					catch (RuleViolationException e) {
						return e.code();
					}
				}));
			}
			start.countDown();
			List<String> outcomes = new ArrayList<>();
			for (Future<String> f : results) {
				outcomes.add(f.get());
			}
			assertThat(outcomes).filteredOn("paid"::equals).hasSize(1);
			assertThat(outcomes).filteredOn(o -> !o.equals("paid")).hasSize(clerks - 1)
				.allMatch(o -> o.equals("payments.error.alreadyPaid"));
		}
		finally {
			pool.shutdownNow();
		}
		Payment paid = payments.find(reference).orElseThrow();
		assertThat(paid.state()).isEqualTo(PaymentState.PAID);
		assertThat(paid.receiptNumber()).isEqualTo("R-" + paid.paidBy());
	}

	private static void assertRule(Runnable call, String code) {
		RuleViolationException e = catchThrowableOfType(RuleViolationException.class, call::run);
		assertThat(e).as("refused with " + code).isNotNull();
		assertThat(e.code()).isEqualTo(code);
	}

	private static void assertInvalid(Runnable call, String field, String code) {
		InvalidInputException e = catchThrowableOfType(InvalidInputException.class, call::run);
		assertThat(e).as("refused with " + code).isNotNull();
		assertThat(e.errors()).singleElement().satisfies(error -> {
			assertThat(error.field()).isEqualTo(field);
			assertThat(error.code()).isEqualTo(code);
		});
	}
}
