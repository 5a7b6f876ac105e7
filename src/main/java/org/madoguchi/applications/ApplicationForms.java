package org.madoguchi.applications;

import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.madoguchi.platform.FieldError;
import org.madoguchi.procedures.AnswerValidator;
import org.madoguchi.procedures.Answers;
import org.madoguchi.procedures.FormBinder;
import org.madoguchi.procedures.FormFlow;
import org.madoguchi.procedures.PageDefinition;
import org.madoguchi.procedures.ProcedureDefinition;
import org.madoguchi.procedures.ValidationContext;
import org.springframework.stereotype.Component;

/**
 * The one place this module calls the procedure engine (binding, validation, page flow), so that the
 * rest of the module reads as the application's own story.
 */
@Component
class ApplicationForms {

	/**
	 * A bound page: the merged answers, conversion and validation errors (one per field, in form order),
	 * and what was typed into fields that could not be read, by HTML parameter name.
	 */
	record Bound(Answers answers, List<FieldError> errors, Map<String, List<String>> raw) {
	}

	Bound bind(ProcedureDefinition d, PageDefinition page, Map<String, String[]> params, Answers previous,
			ValidationContext context, boolean validate) {
		FormBinder.BindResult result = FormBinder.bind(d, page.id(), params, previous, context.household());
		List<FieldError> errors = validate ? AnswerValidator.validateBound(d, page.id(), result, context)
				: result.errors();
		return new Bound(result.answers(), errors, result.rawInput());
	}

	/** API input: the same conversions as the form binder (full-width digits, kana, numbers as strings). */
	Answers normalize(ProcedureDefinition d, Answers answers, ValidationContext context) {
		return FormBinder.normalize(d, answers, context.household());
	}

	List<FieldError> validateAll(ProcedureDefinition d, Answers answers, ValidationContext context) {
		return AnswerValidator.validateAll(d, answers, context);
	}

	List<PageDefinition> visiblePages(ProcedureDefinition d, Answers answers) {
		return FormFlow.visiblePages(d, answers);
	}

	Optional<PageDefinition> nextPage(ProcedureDefinition d, String pageId, Answers answers) {
		return FormFlow.nextPage(d, pageId, answers);
	}

	Answers pruneHidden(ProcedureDefinition d, Answers answers) {
		return FormFlow.pruneHidden(d, answers);
	}
}
