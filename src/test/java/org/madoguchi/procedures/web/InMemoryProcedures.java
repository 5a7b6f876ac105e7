package org.madoguchi.procedures.web;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

import org.madoguchi.procedures.Category;
import org.madoguchi.procedures.LifeEvent;
import org.madoguchi.procedures.ProcedureCatalog;
import org.madoguchi.procedures.ProcedureDefinition;
import org.madoguchi.procedures.ProcedurePublisher;
import org.madoguchi.procedures.ProcedureVersion;
import org.madoguchi.procedures.ProcedureYaml;

/**
 * FOR TESTS ONLY: a catalog and publisher kept in memory, so the admin UI can be tested without the
 * engine's database store. Follows the published contract: versions from 1, equal text returns the
 * existing version, every problem thrown as a DefinitionException.
 */
class InMemoryProcedures implements ProcedureCatalog, ProcedurePublisher {

	final Map<String, List<ProcedureVersion>> versions = new ConcurrentHashMap<>();
	final AtomicInteger publishCalls = new AtomicInteger();

	@Override
	public synchronized ProcedureVersion publish(String yamlSource, String publishedBy) {
		publishCalls.incrementAndGet();
		ProcedureDefinition d = ProcedureYaml.parse(yamlSource);
		String sha = ProcedureYaml.sha256(yamlSource);
		List<ProcedureVersion> list = versions.computeIfAbsent(d.id(), k -> new ArrayList<>());
		for (ProcedureVersion v : list) {
			if (v.sha256().equals(sha)) {
				return v;
			}
		}
		ProcedureVersion v = new ProcedureVersion(d.id(), list.size() + 1, d, yamlSource, sha, Instant.now(), publishedBy);
		list.add(v);
		return v;
	}

	@Override
	public List<ProcedureVersion> current() {
		return versions.values()
			.stream()
			.filter(l -> !l.isEmpty())
			.map(l -> l.get(l.size() - 1))
			.sorted(Comparator.comparing((ProcedureVersion v) -> v.definition().category())
				.thenComparing(v -> v.definition().name().ja()))
			.toList();
	}

	@Override
	public Optional<ProcedureVersion> current(String procedureId) {
		List<ProcedureVersion> l = versions.getOrDefault(procedureId, List.of());
		return l.isEmpty() ? Optional.empty() : Optional.of(l.get(l.size() - 1));
	}

	@Override
	public Optional<ProcedureVersion> version(String procedureId, int version) {
		return versions.getOrDefault(procedureId, List.of()).stream().filter(v -> v.version() == version).findFirst();
	}

	@Override
	public List<ProcedureVersion> history(String procedureId) {
		List<ProcedureVersion> l = new ArrayList<>(versions.getOrDefault(procedureId, List.of()));
		l.sort(Comparator.comparingInt(ProcedureVersion::version).reversed());
		return l;
	}

	@Override
	public List<ProcedureVersion> search(String text, Category category, LifeEvent lifeEvent, Locale locale) {
		return current();
	}
}
