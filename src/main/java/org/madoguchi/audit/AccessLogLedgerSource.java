package org.madoguchi.audit;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Base64;
import java.util.List;
import java.util.Optional;

import org.madoguchi.ledger.Ledger;
import org.madoguchi.ledger.LedgerSource;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * The access log's entries in the transparency log (kind {@code access-log}): the row's id and time, and an
 * HMAC commitment to the whole row, so that the public log shows that a record existed and was never changed,
 * but not who read whose data. {@code ledger verify} recomputes the entry from the row as it is now.
 */
@Component
class AccessLogLedgerSource implements LedgerSource {

	static final String KIND = "access-log";

	private final JdbcTemplate jdbc;

	private final Ledger ledger;

	AccessLogLedgerSource(JdbcTemplate jdbc, Ledger ledger) {
		this.jdbc = jdbc;
		this.ledger = ledger;
	}

	/** An access_log row as stored. */
	record Row(long id, Instant occurredAt, String actor, String actorRoles, String action, String subject,
			String purpose, String detail, String outcome, String clientAddress) {
	}

	@Override
	public String kind() {
		return KIND;
	}

	@Override
	public Optional<byte[]> currentEntry(String reference) {
		long id;
		try {
			id = Long.parseLong(reference);
		}
		catch (NumberFormatException ex) {
			return Optional.empty();
		}
		List<Row> rows = jdbc.query("SELECT * FROM access_log WHERE id = ?",
				(rs, i) -> new Row(rs.getLong("id"), rs.getTimestamp("occurred_at").toInstant(), rs.getString("actor"),
						rs.getString("actor_roles"), rs.getString("action"), rs.getString("subject"),
						rs.getString("purpose"), rs.getString("detail"), rs.getString("outcome"),
						rs.getString("client_address")),
				id);
		return rows.stream().findFirst().map(this::entry);
	}

	/** Appends the row's entry to the log, in the current transaction. */
	void append(Row row) {
		ledger.append(KIND, Long.toString(row.id()), entry(row));
	}

	/** {"at":…,"commitment":…,"id":…,"kind":"access-log"}: canonical JSON, keys sorted, no white space. */
	byte[] entry(Row row) {
		String at = row.occurredAt().truncatedTo(ChronoUnit.MICROS).toString();
		String commitment = Base64.getEncoder().encodeToString(ledger.commitment(canonical(row)));
		return ("{\"at\":\"" + at + "\",\"commitment\":\"" + commitment + "\",\"id\":" + row.id() + ",\"kind\":\"" + KIND
				+ "\"}").getBytes(StandardCharsets.UTF_8);
	}

	/** Every column, in table order, each as a 4-byte length (-1 for NULL) and its UTF-8 bytes. */
	static byte[] canonical(Row row) {
		ByteArrayOutputStream out = new ByteArrayOutputStream(256);
		out.writeBytes("madoguchi access_log v1\n".getBytes(StandardCharsets.UTF_8));
		for (String field : new String[] { Long.toString(row.id()),
				row.occurredAt().truncatedTo(ChronoUnit.MICROS).toString(), row.actor(), row.actorRoles(), row.action(),
				row.subject(), row.purpose(), row.detail(), row.outcome(), row.clientAddress() }) {
			byte[] bytes = field == null ? null : field.getBytes(StandardCharsets.UTF_8);
			out.writeBytes(ByteBuffer.allocate(4).putInt(bytes == null ? -1 : bytes.length).array());
			if (bytes != null) {
				out.writeBytes(bytes);
			}
		}
		return out.toByteArray();
	}
}
