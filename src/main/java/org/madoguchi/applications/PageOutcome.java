package org.madoguchi.applications;

import java.util.List;
import java.util.Map;

import org.madoguchi.platform.FieldError;

/**
 * The result of saving one page of a form: the saved application, the errors found on the page (the
 * answers are saved even then), what the resident typed into fields that could not be read, and the next
 * page to show ({@code null}: the check-your-answers page).
 */
public record PageOutcome(Application application, List<FieldError> errors, Map<String, List<String>> raw,
		String nextPageId) {

	public boolean hasErrors() {
		return !errors.isEmpty();
	}
}
