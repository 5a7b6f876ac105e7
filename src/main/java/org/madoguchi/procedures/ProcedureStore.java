package org.madoguchi.procedures;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.text.Collator;
import java.text.Normalizer;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.function.LongSupplier;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Procedure versions in table {@code procedure_version}: the publisher and the catalog.
 * <p>
 * Versions never change, so each is parsed once and kept by (id, version) for the life of the node. Which
 * version is current is read again at most every {@link #REFRESH_NANOS}, so a version published on another
 * node is offered here within 5 seconds; nothing else is held in memory.
 * <p>
 * Two nodes may publish at once (both loading the same files at start, or two administrators). The primary
 * key (procedure, version) and the unique (procedure, sha256) settle it: the loser of a race retries once,
 * and then either finds the same text stored or takes the next number.
 */
@Service
class ProcedureStore implements ProcedurePublisher, ProcedureCatalog {

	static final long REFRESH_NANOS = TimeUnit.SECONDS.toNanos(5);
	static final int MAX_PUBLISHED_BY = 60;
	static final int MAX_QUERY_CHARS = 200;
	static final int MAX_QUERY_WORDS = 10;

	private static final String COLUMNS = "procedure_id, version, source, sha256, published_at, published_by";

	private final JdbcTemplate jdbc;
	private final TransactionTemplate ownTransaction;
	private final Clock clock;
	private final LongSupplier nanoTime;

	private final Map<Key, Entry> parsed = new ConcurrentHashMap<>();
	private volatile Current current;

	@Autowired
	ProcedureStore(JdbcTemplate jdbc, PlatformTransactionManager transactions) {
		this(jdbc, transactions, Clock.systemUTC(), System::nanoTime);
	}

	ProcedureStore(JdbcTemplate jdbc, PlatformTransactionManager transactions, Clock clock, LongSupplier nanoTime) {
		this.jdbc = jdbc;
		this.ownTransaction = new TransactionTemplate(transactions);
		// a failed insert would spoil a caller's PostgreSQL transaction, so each attempt runs on its own
		this.ownTransaction.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
		this.clock = clock;
		this.nanoTime = nanoTime;
	}

	private record Key(String procedureId, int version) {
	}

	/** A parsed version and its search text. */
	private record Entry(ProcedureVersion version, String searchText) {
	}

	/** The current version numbers as last read, and the versions in catalog order. */
	private record Current(long readAt, Map<String, Integer> versions, List<ProcedureVersion> ordered) {
	}

	// ---- publishing ----

	@Override
	public ProcedureVersion publish(String yamlSource, String publishedBy) {
		if (publishedBy == null || publishedBy.isBlank() || publishedBy.length() > MAX_PUBLISHED_BY) {
			throw new IllegalArgumentException("publishedBy: 1 to " + MAX_PUBLISHED_BY + " characters");
		}
		String source = canonical(yamlSource);
		ProcedureDefinition definition = ProcedureYaml.parse(source);
		String sha = ProcedureYaml.sha256(source);
		try {
			return attempt(definition, source, sha, publishedBy);
		}
		catch (DuplicateKeyException raced) {
			// another node or thread stored a version of this procedure at the same moment
			return attempt(definition, source, sha, publishedBy);
		}
		finally {
			current = null;
		}
	}

	private ProcedureVersion attempt(ProcedureDefinition definition, String source, String sha, String publishedBy) {
		return ownTransaction.execute(tx -> {
			List<Integer> same = jdbc.queryForList(
					"SELECT version FROM procedure_version WHERE procedure_id = ? AND sha256 = ?", Integer.class,
					definition.id(), sha);
			if (!same.isEmpty()) {
				return version(definition.id(), same.get(0)).orElseThrow();
			}
			Integer max = jdbc.queryForObject("SELECT MAX(version) FROM procedure_version WHERE procedure_id = ?",
					Integer.class, definition.id());
			int next = max == null ? 1 : max + 1;
			Instant now = clock.instant();
			jdbc.update("INSERT INTO procedure_version (" + COLUMNS + ") VALUES (?,?,?,?,?,?)", definition.id(), next,
					source, sha, Timestamp.from(now), publishedBy);
			return new ProcedureVersion(definition.id(), next, definition, source, sha, now, publishedBy);
		});
	}

	/** The same text from a Windows checkout or with a byte order mark is the same version. */
	static String canonical(String source) {
		if (source == null) {
			return null;
		}
		String s = source.startsWith("\uFEFF") ? source.substring(1) : source;
		return s.replace("\r\n", "\n");
	}

	// ---- the catalog ----

	@Override
	public List<ProcedureVersion> current() {
		return fresh().ordered();
	}

	@Override
	public Optional<ProcedureVersion> current(String procedureId) {
		Integer v = fresh().versions().get(procedureId);
		return v == null ? Optional.empty() : version(procedureId, v);
	}

	@Override
	public Optional<ProcedureVersion> version(String procedureId, int version) {
		Key key = new Key(procedureId, version);
		Entry e = parsed.get(key);
		if (e != null) {
			return Optional.of(e.version());
		}
		List<ProcedureVersion> rows = jdbc.query("SELECT " + COLUMNS + " FROM procedure_version WHERE procedure_id = ? AND version = ?",
				this::row, procedureId, version);
		return rows.stream().findFirst();
	}

	@Override
	public List<ProcedureVersion> history(String procedureId) {
		List<Integer> versions = jdbc.queryForList(
				"SELECT version FROM procedure_version WHERE procedure_id = ? ORDER BY version DESC", Integer.class,
				procedureId);
		return versions.stream().map(v -> version(procedureId, v).orElseThrow()).toList();
	}

	@Override
	public List<ProcedureVersion> search(String text, Category category, LifeEvent lifeEvent, Locale locale) {
		List<String> words = words(text);
		List<ProcedureVersion> found = new ArrayList<>();
		for (ProcedureVersion v : current()) {
			ProcedureDefinition d = v.definition();
			if (category != null && d.category() != category || lifeEvent != null && !d.lifeEvents().contains(lifeEvent)) {
				continue;
			}
			String haystack = parsed.computeIfAbsent(new Key(v.procedureId(), v.version()),
					k -> new Entry(v, searchText(d))).searchText();
			if (words.stream().allMatch(haystack::contains)) {
				found.add(v);
			}
		}
		return found;
	}

	/** The query's words, normalised; at most {@link #MAX_QUERY_WORDS} of the first {@link #MAX_QUERY_CHARS} characters. */
	static List<String> words(String text) {
		if (text == null || text.isBlank()) {
			return List.of();
		}
		String t = normalise(text.length() > MAX_QUERY_CHARS ? text.substring(0, MAX_QUERY_CHARS) : text);
		return Arrays.stream(t.split("[\\s\u3000]+")).filter(w -> !w.isEmpty()).distinct().limit(MAX_QUERY_WORDS).toList();
	}

	/** NFKC (half-width kana and full-width letters folded), hiragana → katakana, lower case. */
	static String normalise(String s) {
		String n = Normalizer.normalize(s, Normalizer.Form.NFKC);
		StringBuilder sb = new StringBuilder(n.length());
		for (int i = 0; i < n.length(); i++) {
			char c = n.charAt(i);
			sb.append(c >= '\u3041' && c <= '\u3096' ? (char) (c + 0x60) : c);
		}
		return sb.toString().toLowerCase(Locale.ROOT);
	}

	private static String searchText(ProcedureDefinition d) {
		StringBuilder sb = new StringBuilder();
		for (Text t : new Text[] { d.name(), d.summary() }) {
			if (t != null) {
				sb.append(t.ja()).append('\n').append(t.en()).append('\n');
			}
		}
		d.keywords().forEach(k -> sb.append(k).append('\n'));
		return normalise(sb.toString());
	}

	private Current fresh() {
		Current c = current;
		long now = nanoTime.getAsLong();
		if (c != null && now - c.readAt() < REFRESH_NANOS) {
			return c;
		}
		synchronized (this) {
			c = current;
			if (c != null && nanoTime.getAsLong() - c.readAt() < REFRESH_NANOS) {
				return c;
			}
			Map<String, Integer> versions = new LinkedHashMap<>();
			jdbc.query("SELECT procedure_id, MAX(version) FROM procedure_version GROUP BY procedure_id",
					rs -> {
						versions.put(rs.getString(1), rs.getInt(2));
					});
			List<ProcedureVersion> ordered = new ArrayList<>();
			versions.forEach((id, v) -> version(id, v).ifPresent(ordered::add));
			ordered.sort(CATALOG_ORDER);
			c = new Current(now, Map.copyOf(versions), List.copyOf(ordered));
			current = c;
			return c;
		}
	}

	/** Category order, then the Japanese name as a Japanese reader sorts it. */
	private static final Comparator<ProcedureVersion> CATALOG_ORDER;

	static {
		Collator japanese = Collator.getInstance(Locale.JAPANESE);
		Comparator<ProcedureVersion> byCategory = Comparator.comparing(v -> v.definition().category());
		CATALOG_ORDER = byCategory.thenComparing(v -> v.definition().name().ja(), japanese)
			.thenComparing(ProcedureVersion::procedureId);
	}

	private ProcedureVersion row(ResultSet rs, int n) throws SQLException {
		Key key = new Key(rs.getString("procedure_id"), rs.getInt("version"));
		Entry cached = parsed.get(key);
		if (cached != null) {
			return cached.version();
		}
		String source = rs.getString("source");
		ProcedureDefinition d = ProcedureYaml.readStored(source);
		ProcedureVersion v = new ProcedureVersion(key.procedureId(), key.version(), d, source, rs.getString("sha256"),
				rs.getTimestamp("published_at").toInstant(), rs.getString("published_by"));
		Entry e = parsed.putIfAbsent(key, new Entry(v, searchText(d)));
		return e == null ? v : e.version();
	}
}
