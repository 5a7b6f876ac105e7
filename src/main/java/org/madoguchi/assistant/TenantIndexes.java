package org.madoguchi.assistant;

import java.time.Clock;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Each node's search indexes, one per tenant, built from the database on first use and rebuilt when the
 * tenant's or the standard set's content version moves or the day changes (an entry's 掲載期間 may start or
 * end). Every node checks the versions every few seconds, so a change saved on one node is answered by all of
 * them shortly after; the node that saved it rebuilds at once.
 */
@Component
class TenantIndexes {

	private static final Logger log = LoggerFactory.getLogger(TenantIndexes.class);

	private record Built(QaIndex index, long version, long standardVersion, LocalDate day) {
	}

	private final KnowledgeBase knowledge;

	private final Phrasings phrasings;

	private final Tenants tenants;

	private final Clock clock;

	private final Map<String, Built> built = new ConcurrentHashMap<>();

	TenantIndexes(KnowledgeBase knowledge, Phrasings phrasings, Tenants tenants, Clock clock) {
		this.knowledge = knowledge;
		this.phrasings = phrasings;
		this.tenants = tenants;
		this.clock = clock;
	}

	/** The tenant's index, built now if this node has none yet. */
	QaIndex index(String tenant) {
		Built b = built.get(tenant);
		if (b == null) {
			synchronized (this) {
				b = built.get(tenant);
				if (b == null) {
					b = build(tenant, tenants.versions());
				}
			}
		}
		return b.index();
	}

	/** Rebuilds the tenant's index now (after a change made on this node). */
	synchronized void rebuild(String tenant) {
		Map<String, Long> versions = tenants.versions();
		if (Tenant.STANDARD.equals(tenant)) {
			for (String t : List.copyOf(built.keySet())) {
				build(t, versions);
			}
		}
		else if (built.containsKey(tenant)) {
			build(tenant, versions);
		}
	}

	/** Rebuilds every index whose content moved on (on any node) or whose day has passed. */
	@Scheduled(fixedDelayString = "${madoguchi.assistant.refresh-interval:PT5S}", initialDelayString = "PT5S")
	synchronized void refresh() {
		if (built.isEmpty()) {
			return;
		}
		Map<String, Long> versions = tenants.versions();
		LocalDate today = today();
		long standard = versions.getOrDefault(Tenant.STANDARD, 0L);
		for (Map.Entry<String, Built> e : new HashMap<>(built).entrySet()) {
			Built b = e.getValue();
			if (b.version() != versions.getOrDefault(e.getKey(), 0L) || b.standardVersion() != standard
					|| !b.day().equals(today)) {
				try {
					build(e.getKey(), versions);
				}
				catch (RuntimeException ex) {
					// keep answering from the old index; the next round tries again
					log.warn("Could not rebuild the assistant index of {}", e.getKey(), ex);
				}
			}
		}
	}

	private Built build(String tenant, Map<String, Long> versions) {
		long t0 = System.nanoTime();
		LocalDate today = today();
		List<StoredEntry> entries = knowledge.entries(tenant).stream().filter(e -> e.answeredOn(today)).toList();
		Map<String, String> owners = new HashMap<>();
		entries.forEach(e -> owners.put(e.id(), e.tenant()));
		Map<String, List<String>> learned = new HashMap<>(phrasings.approved(Tenant.STANDARD));
		if (!Tenant.STANDARD.equals(tenant)) {
			phrasings.approved(tenant).forEach((id, list) -> learned.merge(id, list, (a, b) -> {
				List<String> all = new java.util.ArrayList<>(a);
				all.addAll(b);
				return all;
			}));
		}
		QaIndex index = new QaIndex(entries.stream().map(StoredEntry::entry).toList(), owners, learned);
		Built b = new Built(index, versions.getOrDefault(tenant, 0L), versions.getOrDefault(Tenant.STANDARD, 0L), today);
		built.put(tenant, b);
		log.info("Assistant index of {} built: {} entries in {} ms", tenant, index.size(),
				(System.nanoTime() - t0) / 1_000_000);
		return b;
	}

	private LocalDate today() {
		return clock.instant().atZone(QuestionLog.ZONE).toLocalDate();
	}
}
