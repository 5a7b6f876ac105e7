package org.madoguchi.procedures;

import java.util.List;
import java.util.Locale;
import java.util.Optional;

/** The procedures on offer, for residents, staff and API clients. */
public interface ProcedureCatalog {

	/** The newest version of every procedure, in catalog order (category, then name). */
	List<ProcedureVersion> current();

	Optional<ProcedureVersion> current(String procedureId);

	/** A given version; used to show and re-validate applications filed under an older version. */
	Optional<ProcedureVersion> version(String procedureId, int version);

	/** All versions of a procedure, newest first. */
	List<ProcedureVersion> history(String procedureId);

	/**
	 * Search by free text (name, summary, keywords; ja or en, hiragana matches katakana), optionally
	 * narrowed to a category and a life event; null means any.
	 */
	List<ProcedureVersion> search(String text, Category category, LifeEvent lifeEvent, Locale locale);
}
