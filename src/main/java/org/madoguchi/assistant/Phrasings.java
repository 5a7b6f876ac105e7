package org.madoguchi.assistant;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Phrasings learned from use (学習した言い回し): a resident's question that an entry answered, confirmed by a
 * "helpful" vote or by picking the entry from candidates. An approved phrasing is indexed as another way of
 * asking the entry's question. Phrasings of standard entries are shared: what residents of one city teach the
 * engine helps every city.
 *
 * <p>A phrasing is approved by staff, or by itself once {@code autoApproveAfter} separate turns have confirmed it
 * (0 = always wait for staff). Requiring more than one confirmation keeps one resident from teaching the engine
 * nonsense; staff can reject a phrasing at any time. Staff adding a phrasing themselves ({@link Source#STAFF})
 * approve it at once, even one rejected before.
 */
@Service
public class Phrasings {

	public enum Status {
		PENDING, APPROVED, REJECTED
	}

	public enum Source {
		/** the resident said the answer helped */
		HELPFUL,
		/** the resident picked the entry among candidates */
		PICKED,
		/** staff added it from the unanswered-question log */
		STAFF
	}

	/** One learned phrasing, for the staff review list. */
	public record Phrasing(long id, String entryTenant, String entryId, String text, String learnedIn, Source source,
			int confirmations, Status status, Instant createdAt) {
	}

	static final int MAX_LENGTH = 200;

	/**
	 * The shortest wording (in {@link TextKey} characters) learned from residents. A bare topic word such as
	 * 「住民票」 or 「児童手当」 is vague: residents who type it want different entries, and the candidate list serves
	 * them better than tying the word to the entry the first two happened to pick. Staff may still add one.
	 */
	static final int MIN_LEARNED = 5;

	private final JdbcTemplate jdbc;

	private final Tenants tenants;

	private final AssistantProperties settings;

	private final Clock clock;

	Phrasings(JdbcTemplate jdbc, Tenants tenants, AssistantProperties settings, Clock clock) {
		this.jdbc = jdbc;
		this.tenants = tenants;
		this.settings = settings;
		this.clock = clock;
	}

	/**
	 * Counts one confirmation of {@code text} as a phrasing of the entry {@code entryId} owned by
	 * {@code entryTenant} (a city or the standard set). Texts too short or too long to be a question are ignored.
	 *
	 * @return whether the phrasing is (now) approved
	 */
	@Transactional
	public boolean confirm(String entryTenant, String entryId, String text, String askedIn, Source source) {
		String phrasing = text == null ? "" : text.strip();
		String key = TextKey.of(phrasing);
		if (key.length() < (source == Source.STAFF ? 2 : MIN_LEARNED) || phrasing.length() > MAX_LENGTH) {
			return false;
		}
		Instant now = clock.instant();
		boolean staff = source == Source.STAFF;
		int n = jdbc.update("UPDATE assistant_phrasing SET confirmations = confirmations + 1 WHERE entry_tenant = ? "
				+ "AND entry_id = ? AND phrasing_key = ?", entryTenant, entryId, key);
		if (n == 0) {
			try {
				jdbc.update("INSERT INTO assistant_phrasing (entry_tenant, entry_id, phrasing, phrasing_key, learned_in, "
						+ "source, confirmations, status, created_at) VALUES (?,?,?,?,?,?,1,?,?)", entryTenant, entryId,
						phrasing, key, askedIn, source.name(), Status.PENDING.name(), Timestamp.from(now));
			}
			catch (DuplicateKeyException raced) {
				jdbc.update("UPDATE assistant_phrasing SET confirmations = confirmations + 1 WHERE entry_tenant = ? "
						+ "AND entry_id = ? AND phrasing_key = ?", entryTenant, entryId, key);
			}
		}
		int after = settings.autoApproveAfter();
		int approved = jdbc.update("UPDATE assistant_phrasing SET status = ?, decided_at = ?, decided_by = ? "
				+ "WHERE entry_tenant = ? AND entry_id = ? AND phrasing_key = ? AND status <> ? AND (? OR (status = ? "
				+ "AND ? > 0 AND confirmations >= ?))", Status.APPROVED.name(), Timestamp.from(now),
				staff ? "staff" : "auto", entryTenant, entryId, key, Status.APPROVED.name(), staff, Status.PENDING.name(),
				after, after);
		if (approved > 0) {
			tenants.touch(entryTenant);
		}
		return approved > 0 || status(entryTenant, entryId, key) == Status.APPROVED;
	}

	/** Staff approve or reject a phrasing; returns false when there is no such phrasing. */
	@Transactional
	public boolean decide(long id, boolean approve, String actor) {
		List<String> owner = jdbc.queryForList("SELECT entry_tenant FROM assistant_phrasing WHERE id = ?", String.class,
				id);
		if (owner.isEmpty()) {
			return false;
		}
		jdbc.update("UPDATE assistant_phrasing SET status = ?, decided_at = ?, decided_by = ? WHERE id = ?",
				(approve ? Status.APPROVED : Status.REJECTED).name(), Timestamp.from(clock.instant()), actor, id);
		tenants.touch(owner.get(0));
		return true;
	}

	/** Approved phrasings of the given owners' entries, by owner and entry id (for building an index). */
	Map<String, List<String>> approved(String entryTenant) {
		Map<String, List<String>> out = new HashMap<>();
		jdbc.query("SELECT entry_id, phrasing FROM assistant_phrasing WHERE entry_tenant = ? AND status = ? ORDER BY id",
				rs -> {
					out.computeIfAbsent(rs.getString(1), k -> new java.util.ArrayList<>()).add(rs.getString(2));
				}, entryTenant, Status.APPROVED.name());
		return out;
	}

	/**
	 * Phrasings for staff to review: those of the city's own entries and those learned in the city for standard
	 * entries, newest first.
	 */
	public List<Phrasing> list(String tenant, Status status, int limit) {
		return jdbc.query("SELECT * FROM assistant_phrasing WHERE status = ? AND (entry_tenant = ? OR learned_in = ?) "
				+ "ORDER BY created_at DESC, id DESC LIMIT ?", (rs, n) -> new Phrasing(rs.getLong("id"),
						rs.getString("entry_tenant"), rs.getString("entry_id"), rs.getString("phrasing"),
						rs.getString("learned_in"), Source.valueOf(rs.getString("source")), rs.getInt("confirmations"),
						Status.valueOf(rs.getString("status")), rs.getTimestamp("created_at").toInstant()),
				status.name(), tenant, tenant, Math.min(Math.max(limit, 1), 1000));
	}

	private Status status(String entryTenant, String entryId, String key) {
		List<String> s = jdbc.queryForList("SELECT status FROM assistant_phrasing WHERE entry_tenant = ? AND entry_id = ? "
				+ "AND phrasing_key = ?", String.class, entryTenant, entryId, key);
		return s.isEmpty() ? null : Status.valueOf(s.get(0));
	}
}
