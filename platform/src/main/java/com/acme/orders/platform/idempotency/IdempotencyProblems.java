package com.acme.orders.platform.idempotency;

import java.io.IOException;

import com.acme.orders.platform.web.ProblemResponses;
import com.acme.orders.platform.web.ProblemTypes;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

/**
 * What a request with an {@code Idempotency-Key} gets when it cannot be handled as new:
 * the earlier answer, 409 while the first request is in flight, 422 for another body.
 */
@RestControllerAdvice
@Order(Ordered.HIGHEST_PRECEDENCE)
class IdempotencyProblems {

	private static final String IN_FLIGHT_DETAIL = "A request with this Idempotency-Key is still being handled; "
			+ "retry once it has been answered.";

	private static final String REUSED_DETAIL = "This Idempotency-Key was used for a request with another body; "
			+ "use a new key for a new request.";

	@ExceptionHandler(IdempotentReplay.class)
	ResponseEntity<String> answeredBefore(IdempotentReplay replay) {
		return replay.recorded().toEntity();
	}

	@ExceptionHandler(IdempotencyKeyInFlight.class)
	ResponseEntity<ProblemDetail> inFlight(IdempotencyKeyInFlight ex) {
		return problem(HttpStatus.CONFLICT, "idempotency-key-in-flight", "Request in flight", IN_FLIGHT_DETAIL);
	}

	@ExceptionHandler(IdempotencyKeyReused.class)
	ResponseEntity<ProblemDetail> reused(IdempotencyKeyReused ex) {
		return problem(HttpStatus.UNPROCESSABLE_CONTENT, "idempotency-key-reused", "Idempotency-Key reused",
				REUSED_DETAIL);
	}

	/** The 422 written by the filter, which answers before any controller. */
	static void write(HttpServletResponse response, IdempotencyKeyReused ex) throws IOException {
		ProblemResponses.write(response, 422, "idempotency-key-reused", "Idempotency-Key reused", REUSED_DETAIL);
	}

	private static ResponseEntity<ProblemDetail> problem(HttpStatus status, String type, String title, String detail) {
		ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
		problem.setType(ProblemTypes.uri(type));
		problem.setTitle(title);
		return ResponseEntity.status(status).body(problem);
	}

}
