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

	private final FormBinder binder;
	private final AnswerValidator validator;

	ApplicationForms(FormBinder binder, AnswerValidator validator) {
		this.binder = binder;
		this.validator = validator;
	}

	record Bound(Answers answers, List<FieldError> errors, Map<String, List<String>> raw) {
	}

	Bound bind(ProcedureDefinition d, PageDefinition page, Map<String, String[]> params, Answers previous,
			ValidationContext context) {
		var result = binder.bind(d, page, params, previous, context);
		return new Bound(result.answers(), result.errors(), result.raw());
	}

	List<FieldError> validatePage(ProcedureDefinition d, String pageId, Answers answers, ValidationContext context) {
		return validator.validatePage(d, pageId, answers, context);
	}

	List<FieldError> validateAll(ProcedureDefinition d, Answers answers, ValidationContext context) {
		return validator.validateAll(d, answers, context);
	}

	List<PageDefinition> visiblePages(ProcedureDefinition d, Answers answers) {
		return FormFlow.visiblePages(d, answers);
	}

	Optional<PageDefinition> nextPage(ProcedureDefinition d, String pageId, Answers answers) {
		return FormFlow.nextPage(d, pageId, answers);
	}

	Optional<PageDefinition> previousPage(ProcedureDefinition d, String pageId, Answers answers) {
		return FormFlow.previousPage(d, pageId, answers);
	}

	Answers pruneHidden(ProcedureDefinition d, Answers answers) {
		return FormFlow.pruneHidden(d, answers);
	}
}
