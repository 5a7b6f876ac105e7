package org.madoguchi.payments;

import java.net.URI;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import org.madoguchi.platform.FieldError;
import org.madoguchi.platform.InvalidInputException;
import org.madoguchi.platform.NotFoundException;
import org.madoguchi.platform.RuleViolationException;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * {@link Payments} over the {@code payment} table. Every change is a compare-and-set on {@code version}: of two
 * clerks recording the same payment at once, one succeeds and the other is told it was already recorded.
 */
@Service
@Transactional
class JdbcPayments implements Payments {

	static final int MAX_AMOUNT = 10_000_000;

	/** A row with the version it was read at. */
	record Row(Payment payment, int version) {
	}

	private static final RowMapper<Row> MAPPER = (rs, i) -> new Row(new Payment(rs.getObject("reference", UUID.class),
			rs.getInt("amount_yen"), rs.getString("provider"), PaymentState.valueOf(rs.getString("state")),
			instant(rs.getTimestamp("paid_at")), rs.getString("paid_by"), rs.getString("receipt_number"),
			rs.getString("method") == null ? null : PaymentMethod.valueOf(rs.getString("method")),
			rs.getString("description"),
			rs.getString("instructions_ja") == null ? null
					: new PaymentInstructions(rs.getString("instructions_ja"), rs.getString("instructions_en")),
			rs.getString("redirect_url") == null ? null : URI.create(rs.getString("redirect_url")),
			rs.getString("waive_reason"), instant(rs.getTimestamp("created_at"))), rs.getInt("version"));

	private final JdbcTemplate jdbc;
	private final Map<String, PaymentProvider> providers = new LinkedHashMap<>();
	private final ApplicationEventPublisher events;
	private final Clock clock;

	JdbcPayments(JdbcTemplate jdbc, List<PaymentProvider> providers, ApplicationEventPublisher events,
			ObjectProvider<Clock> clock) {
		this.jdbc = jdbc;
		for (PaymentProvider p : providers) {
			if (!p.name().matches("[A-Z0-9_]{1,40}") || this.providers.putIfAbsent(p.name(), p) != null) {
				throw new IllegalStateException("payment provider name invalid or used twice: " + p.name());
			}
		}
		this.events = events;
		this.clock = clock.getIfAvailable(Clock::systemUTC);
	}

	@Override
	public Payment open(UUID reference, int amountYen, String provider, String description) {
		Objects.requireNonNull(reference, "reference");
		if (amountYen < 0 || amountYen > MAX_AMOUNT) {
			throw invalid("amountYen", "payments.error.amount", MAX_AMOUNT);
		}
		String name = provider == null ? "" : provider.strip().toUpperCase(Locale.ROOT);
		PaymentProvider chosen = providers.get(name);
		if (chosen == null) {
			throw invalid("provider", "payments.error.unknownProvider", provider);
		}
		String text = description == null ? "" : description.strip();
		if (text.isEmpty() || text.length() > 200) {
			throw invalid("description", "payments.error.description", 200);
		}
		Optional<Row> existing = row(reference);
		if (existing.isPresent()) {
			Payment p = existing.get().payment();
			if (p.amountYen() == amountYen && p.provider().equals(name)) {
				return p;
			}
			if (p.state() != PaymentState.AWAITING_PAYMENT && p.state() != PaymentState.NOT_REQUIRED) {
				throw stateRefusal(p, p.state() == PaymentState.CANCELLED ? "payments.error.cancelled" : "payments.error.settled");
			}
		}
		PaymentStart start = amountYen == 0 ? new PaymentStart(PaymentState.NOT_REQUIRED, null, null)
				: chosen.start(new PaymentRequest(reference, amountYen, text));
		if (amountYen > 0 && start.state() != PaymentState.AWAITING_PAYMENT) {
			throw new IllegalStateException("payment provider " + name + " started in " + start.state());
		}
		Instant now = now();
		String ja = start.instructions() == null ? null : start.instructions().ja();
		String en = start.instructions() == null ? null : start.instructions().en();
		String url = start.redirectUrl() == null ? null : start.redirectUrl().toString();
		if (existing.isPresent()) {
			int updated = jdbc.update("UPDATE payment SET amount_yen = ?, provider = ?, description = ?, state = ?, "
					+ "instructions_ja = ?, instructions_en = ?, redirect_url = ?, updated_at = ?, version = version + 1 "
					+ "WHERE reference = ? AND version = ?", amountYen, name, text, start.state().name(), ja, en, url,
					Timestamp.from(now), reference, existing.get().version());
			if (updated != 1) {
				throw new RuleViolationException("payments.error.concurrentChange");
			}
		}
		else {
			try {
				jdbc.update("INSERT INTO payment (reference, amount_yen, provider, description, state, instructions_ja, "
						+ "instructions_en, redirect_url, created_at, updated_at, version) VALUES (?,?,?,?,?,?,?,?,?,?,0)",
						reference, amountYen, name, text, start.state().name(), ja, en, url, Timestamp.from(now),
						Timestamp.from(now));
			}
			catch (DuplicateKeyException e) {
				// opened at the same moment by another request; the transaction is spoilt (PostgreSQL), so the caller
				// retries and then gets the payment the other request opened
				throw new RuleViolationException("payments.error.concurrentChange");
			}
		}
		return require(reference).payment();
	}

	@Override
	@Transactional(readOnly = true)
	public Optional<Payment> find(UUID reference) {
		return row(reference).map(Row::payment);
	}

	@Override
	public Payment recordPaid(UUID reference, String staffUser, String receiptNumber, String method) {
		String staff = staff(staffUser);
		String receipt = receiptNumber == null || receiptNumber.isBlank() ? null : receiptNumber.strip();
		if (receipt != null && (receipt.length() > 40 || receipt.chars().anyMatch(Character::isISOControl))) {
			throw invalid("receiptNumber", "payments.error.receiptNumber", 40);
		}
		PaymentMethod how = method(method);
		Row row = require(reference);
		Payment p = row.payment();
		if (p.state() != PaymentState.AWAITING_PAYMENT) {
			throw stateRefusal(p, null);
		}
		Instant now = now();
		int updated = jdbc.update("UPDATE payment SET state = 'PAID', paid_at = ?, paid_by = ?, receipt_number = ?, "
				+ "method = ?, updated_at = ?, version = version + 1 WHERE reference = ? AND version = ? "
				+ "AND state = 'AWAITING_PAYMENT'", Timestamp.from(now), staff, receipt, how.name(), Timestamp.from(now),
				reference, row.version());
		if (updated != 1) {
			throw stateRefusal(require(reference).payment(), "payments.error.concurrentChange");
		}
		events.publishEvent(new PaymentRecorded(reference, p.amountYen(), now));
		return require(reference).payment();
	}

	@Override
	public Payment waive(UUID reference, String staffUser, String reason) {
		String staff = staff(staffUser);
		String why = reason == null ? "" : reason.strip();
		if (why.isEmpty() || why.length() > 500) {
			throw invalid("reason", "payments.error.reason", 500);
		}
		Row row = require(reference);
		Payment p = row.payment();
		if (p.state() != PaymentState.AWAITING_PAYMENT) {
			throw stateRefusal(p, null);
		}
		Instant now = now();
		int updated = jdbc.update("UPDATE payment SET state = 'WAIVED', paid_at = ?, paid_by = ?, waive_reason = ?, "
				+ "updated_at = ?, version = version + 1 WHERE reference = ? AND version = ? AND state = 'AWAITING_PAYMENT'",
				Timestamp.from(now), staff, why, Timestamp.from(now), reference, row.version());
		if (updated != 1) {
			throw stateRefusal(require(reference).payment(), "payments.error.concurrentChange");
		}
		events.publishEvent(new PaymentWaived(reference, p.amountYen(), staff, now));
		return require(reference).payment();
	}

	@Override
	public Payment cancel(UUID reference) {
		Row row = require(reference);
		Payment p = row.payment();
		switch (p.state()) {
			case CANCELLED:
				return p;
			case PAID:
				throw stateRefusal(p, null);
			default:
				break;
		}
		int updated = jdbc.update("UPDATE payment SET state = 'CANCELLED', updated_at = ?, version = version + 1 "
				+ "WHERE reference = ? AND version = ?", Timestamp.from(now()), reference, row.version());
		if (updated != 1) {
			throw new RuleViolationException("payments.error.concurrentChange");
		}
		return require(reference).payment();
	}

	@Override
	public Set<String> providers() {
		return Set.copyOf(providers.keySet());
	}

	private Optional<Row> row(UUID reference) {
		return jdbc.query("SELECT * FROM payment WHERE reference = ?", MAPPER, reference).stream().findFirst();
	}

	private Row require(UUID reference) {
		return row(reference).orElseThrow(() -> new NotFoundException("payment " + reference));
	}

	/** Why a payment in this state cannot be changed; {@code fallback} for states without a message of their own. */
	private static RuleViolationException stateRefusal(Payment p, String fallback) {
		return switch (p.state()) {
			case PAID -> new RuleViolationException("payments.error.alreadyPaid",
					p.receiptNumber() == null ? "-" : p.receiptNumber());
			case WAIVED -> new RuleViolationException("payments.error.alreadyWaived");
			case CANCELLED -> new RuleViolationException("payments.error.cancelled");
			default -> new RuleViolationException(fallback != null ? fallback : "payments.error.notAwaiting");
		};
	}

	private static PaymentMethod method(String method) {
		try {
			return PaymentMethod.valueOf(method == null ? "" : method.strip().toUpperCase(Locale.ROOT));
		}
		catch (IllegalArgumentException e) {
			throw invalid("method", "payments.error.method");
		}
	}

	private static String staff(String staffUser) {
		if (staffUser == null || staffUser.isBlank() || staffUser.length() > 100) {
			throw new IllegalArgumentException("staffUser must be 1 to 100 characters");
		}
		return staffUser.strip();
	}

	private static InvalidInputException invalid(String field, String code, Object... args) {
		return new InvalidInputException(FieldError.of(field, code, args));
	}

	private Instant now() {
		return clock.instant().truncatedTo(ChronoUnit.MICROS);
	}

	private static Instant instant(Timestamp t) {
		return t == null ? null : t.toInstant();
	}
}
