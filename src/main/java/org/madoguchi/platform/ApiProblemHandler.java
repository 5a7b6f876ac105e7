package org.madoguchi.platform;

import java.net.URI;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.web.bind.MissingServletRequestParameterException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.multipart.MaxUploadSizeExceededException;

/**
 * Turns exceptions from REST controllers into {@code application/problem+json} (RFC 9457) with every
 * field error, each with its field, a code and a message in the caller's language (Accept-Language).
 */
@RestControllerAdvice(annotations = ApiController.class)
public class ApiProblemHandler {

	private final MessageSource messages;

	ApiProblemHandler(MessageSource messages) {
		this.messages = messages;
	}

	@ExceptionHandler(InvalidInputException.class)
	ProblemDetail invalid(InvalidInputException e) {
		Locale locale = LocaleContextHolder.getLocale();
		ProblemDetail p = problem(HttpStatus.BAD_REQUEST, "invalid-input", messages.getMessage("problem.invalid", null, locale));
		p.setProperty("errors", e.errors().stream().map(fe -> fieldError(fe, locale)).toList());
		return p;
	}

	@ExceptionHandler(RuleViolationException.class)
	ProblemDetail rule(RuleViolationException e) {
		ProblemDetail p = problem(HttpStatus.CONFLICT, "rule-violation",
				messages.getMessage(e.code(), Localized.resolve(e.args(), LocaleContextHolder.getLocale()), e.code(), LocaleContextHolder.getLocale()));
		p.setProperty("code", e.code());
		return p;
	}

	@ExceptionHandler(NotFoundException.class)
	ProblemDetail notFound(NotFoundException e) {
		return problem(HttpStatus.NOT_FOUND, "not-found", messages.getMessage("problem.notFound", null,
				LocaleContextHolder.getLocale()));
	}

	@ExceptionHandler(AccessDeniedException.class)
	ProblemDetail denied(AccessDeniedException e) {
		return problem(HttpStatus.FORBIDDEN, "forbidden", messages.getMessage("problem.forbidden", null,
				LocaleContextHolder.getLocale()));
	}

	@ExceptionHandler({ HttpMessageNotReadableException.class, MissingServletRequestParameterException.class,
			MethodArgumentTypeMismatchException.class, IllegalArgumentException.class })
	ProblemDetail unreadable(Exception e) {
		ProblemDetail p = problem(HttpStatus.BAD_REQUEST, "malformed-request",
				messages.getMessage("problem.malformed", null, LocaleContextHolder.getLocale()));
		String name = e instanceof MissingServletRequestParameterException m ? m.getParameterName()
				: e instanceof MethodArgumentTypeMismatchException t ? t.getName() : null;
		if (name != null) {
			p.setProperty("errors", List.of(Map.of("field", name, "code", "error.format", "message",
					messages.getMessage("error.format", null, LocaleContextHolder.getLocale()))));
		}
		return p;
	}

	@ExceptionHandler(MaxUploadSizeExceededException.class)
	ProblemDetail tooLarge(MaxUploadSizeExceededException e) {
		return problem(HttpStatus.CONTENT_TOO_LARGE, "too-large",
				messages.getMessage("problem.tooLarge", null, LocaleContextHolder.getLocale()));
	}

	private Map<String, Object> fieldError(FieldError fe, Locale locale) {
		String message = messages.getMessage(fe.code(), Localized.resolve(fe.args(), locale), fe.code(), locale);
		return fe.row() > 0 ? Map.of("row", fe.row(), "field", fe.field(), "code", fe.code(), "message", message)
				: Map.of("field", fe.field(), "code", fe.code(), "message", message);
	}

	static ProblemDetail problem(HttpStatus status, String type, String title) {
		ProblemDetail p = ProblemDetail.forStatus(status);
		p.setType(URI.create("https://madoguchi.org/problems/" + type));
		p.setTitle(title);
		return p;
	}
}
