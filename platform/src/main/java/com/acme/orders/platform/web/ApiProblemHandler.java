package com.acme.orders.platform.web;

import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;

import com.acme.orders.platform.postgres.DatabaseUnavailable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.core.JacksonException;
import tools.jackson.core.JsonPointer;
import tools.jackson.core.exc.StreamReadException;
import tools.jackson.databind.exc.InvalidFormatException;
import tools.jackson.databind.exc.MismatchedInputException;
import tools.jackson.databind.exc.UnrecognizedPropertyException;

import org.springframework.beans.TypeMismatchException;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.web.bind.MethodArgumentNotValidException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.method.annotation.HandlerMethodValidationException;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;

/**
 * Turns request errors every service shares into RFC 9457 problem details: invalid bodies
 * list each bad field, unreadable JSON names the offending field, and an unexpected
 * failure is a 500 that echoes nothing internal. Each context's own advice handles its
 * domain errors first.
 */
@RestControllerAdvice
@Order(Ordered.LOWEST_PRECEDENCE)
public class ApiProblemHandler extends ResponseEntityExceptionHandler {

	private static final Logger log = LoggerFactory.getLogger(ApiProblemHandler.class);

	/** Problem for a request whose input broke the listed rules. */
	public static ProblemDetail invalidRequest(List<FieldError> errors) {
		ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST,
				"The request has " + errors.size() + " invalid field(s).");
		problem.setType(ProblemTypes.uri("invalid-request"));
		problem.setTitle("Invalid request");
		problem.setProperty("errors", errors);
		return problem;
	}

	@Override
	protected ResponseEntity<Object> handleMethodArgumentNotValid(MethodArgumentNotValidException ex,
			HttpHeaders headers, HttpStatusCode status, WebRequest request) {
		List<FieldError> errors = ex.getBindingResult()
			.getFieldErrors()
			.stream()
			.map(error -> new FieldError(error.getField(), error.getDefaultMessage()))
			.toList();
		List<FieldError> global = ex.getBindingResult()
			.getGlobalErrors()
			.stream()
			.map(error -> new FieldError(error.getObjectName(), error.getDefaultMessage()))
			.toList();
		return ResponseEntity.badRequest().body(invalidRequest(sorted(concat(errors, global))));
	}

	@Override
	protected ResponseEntity<Object> handleHandlerMethodValidationException(HandlerMethodValidationException ex,
			HttpHeaders headers, HttpStatusCode status, WebRequest request) {
		List<FieldError> errors = ex.getParameterValidationResults()
			.stream()
			.flatMap(result -> result.getResolvableErrors()
				.stream()
				.map(error -> new FieldError(result.getMethodParameter().getParameterName(),
						error.getDefaultMessage())))
			.toList();
		return ResponseEntity.badRequest().body(invalidRequest(errors));
	}

	@Override
	protected ResponseEntity<Object> handleHttpMessageNotReadable(HttpMessageNotReadableException ex,
			HttpHeaders headers, HttpStatusCode status, WebRequest request) {
		Throwable cause = ex.getMostSpecificCause();
		if (cause instanceof RequestBodyLimitFilter.BodyTooLarge tooLarge) {
			ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.PAYLOAD_TOO_LARGE,
					"Request bodies may be at most " + tooLarge.limit() + " bytes.");
			problem.setType(ProblemTypes.uri("payload-too-large"));
			problem.setTitle("Request body too large");
			return ResponseEntity.status(HttpStatus.PAYLOAD_TOO_LARGE).body(problem);
		}
		if (cause instanceof UnrecognizedPropertyException unknown) {
			return ResponseEntity.badRequest()
				.body(invalidRequest(List.of(new FieldError(path(unknown), "is not a known field"))));
		}
		if (cause instanceof InvalidFormatException || cause instanceof MismatchedInputException) {
			return ResponseEntity.badRequest()
				.body(invalidRequest(
						List.of(new FieldError(path((JacksonException) cause), "has the wrong type or format"))));
		}
		if (cause instanceof StreamReadException unreadable && unreadable.processor() != null) {
			return ResponseEntity.badRequest()
				.body(invalidRequest(
						List.of(new FieldError(path(unreadable.processor().streamReadContext().pathAsPointer()),
								"is not valid here (duplicate key, nesting too deep or malformed JSON)"))));
		}
		ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST,
				"The request body is missing or is not valid JSON.");
		problem.setType(ProblemTypes.uri("unreadable-request"));
		problem.setTitle("Unreadable request");
		return ResponseEntity.badRequest().body(problem);
	}

	@Override
	protected ResponseEntity<Object> handleTypeMismatch(TypeMismatchException ex, HttpHeaders headers,
			HttpStatusCode status, WebRequest request) {
		String field = (ex.getPropertyName() != null) ? ex.getPropertyName() : "parameter";
		return ResponseEntity.badRequest()
			.body(invalidRequest(List.of(new FieldError(field, "has an unsupported value: " + ex.getValue()))));
	}

	/**
	 * Method security (for example {@code @PreAuthorize}) refuses inside the controller,
	 * past the filter chain.
	 */
	@ExceptionHandler(AccessDeniedException.class)
	ResponseEntity<ProblemDetail> forbidden(AccessDeniedException ex) {
		ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.FORBIDDEN,
				"Your role does not allow this request.");
		problem.setType(ProblemTypes.uri("forbidden"));
		problem.setTitle("Forbidden");
		return ResponseEntity.status(HttpStatus.FORBIDDEN).body(problem);
	}

	@ExceptionHandler(Exception.class)
	ResponseEntity<ProblemDetail> unexpected(Exception ex) {
		if (DatabaseUnavailable.causedBy(ex)) {
			return databaseUnavailable(ex);
		}
		log.error("Unexpected failure while handling a request", ex);
		ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.INTERNAL_SERVER_ERROR,
				"The server failed to handle the request; it has been logged with the correlation id.");
		problem.setType(ProblemTypes.uri("internal-error"));
		problem.setTitle("Internal error");
		return ResponseEntity.internalServerError().body(problem);
	}

	/** The database could not be reached; the client may try again shortly. */
	private static ResponseEntity<ProblemDetail> databaseUnavailable(Exception ex) {
		log.warn("The database is unavailable: {}", ex.toString());
		ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.SERVICE_UNAVAILABLE,
				ProblemResponses.DATABASE_UNAVAILABLE_DETAIL);
		problem.setType(ProblemTypes.uri("service-unavailable"));
		problem.setTitle(ProblemResponses.DATABASE_UNAVAILABLE_TITLE);
		return ResponseEntity.status(HttpStatus.SERVICE_UNAVAILABLE)
			.header(HttpHeaders.RETRY_AFTER, ProblemResponses.DATABASE_RETRY_AFTER_SECONDS)
			.body(problem);
	}

	private static String path(JacksonException ex) {
		StringBuilder path = new StringBuilder();
		for (JacksonException.Reference reference : ex.getPath()) {
			if (reference.getPropertyName() != null) {
				path.append(path.isEmpty() ? "" : ".").append(reference.getPropertyName());
			}
			else if (reference.getIndex() >= 0) {
				path.append('[').append(reference.getIndex()).append(']');
			}
		}
		return path.isEmpty() ? "body" : path.toString();
	}

	/** {@code /lines/0/sku} as {@code lines[0].sku}, the way field errors name fields. */
	private static String path(JsonPointer pointer) {
		StringBuilder path = new StringBuilder();
		for (JsonPointer segment = pointer; !segment.matches(); segment = segment.tail()) {
			if (segment.getMatchingIndex() >= 0) {
				path.append('[').append(segment.getMatchingIndex()).append(']');
			}
			else {
				path.append(path.isEmpty() ? "" : ".").append(segment.getMatchingProperty());
			}
		}
		return path.isEmpty() ? "body" : path.toString();
	}

	private static List<FieldError> sorted(List<FieldError> errors) {
		return errors.stream().sorted(Comparator.comparing(FieldError::field)).toList();
	}

	private static List<FieldError> concat(List<FieldError> first, List<FieldError> second) {
		return Stream.concat(first.stream(), second.stream()).toList();
	}

}
