package com.acme.orders.command.web;

import java.util.Locale;

import com.acme.orders.command.InvalidOrder;
import com.acme.orders.command.OrderException;
import com.acme.orders.command.OrderVersionMismatch;
import com.acme.orders.events.OrderErrorCode;
import com.acme.orders.platform.web.ProblemTypes;
import org.axonframework.modelling.command.AggregateNotFoundException;
import org.axonframework.modelling.command.ConcurrencyException;

import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

/**
 * Maps the order context's rejections to problem details: each {@link OrderErrorCode} has
 * one status and one stable type URI.
 */
@RestControllerAdvice(assignableTypes = OrderCommandController.class)
@Order(0)
class OrderProblems {

	@ExceptionHandler(OrderException.class)
	ResponseEntity<ProblemDetail> rejected(OrderException ex) {
		ProblemDetail problem = problem(ex.code(), detailOf(ex));
		if (ex instanceof InvalidOrder invalid) {
			problem.setProperty("violations", invalid.violations());
		}
		ResponseEntity.BodyBuilder response = ResponseEntity.status(problem.getStatus());
		if (ex instanceof OrderVersionMismatch mismatch) {
			response.eTag("\"" + mismatch.actualVersion() + "\"");
		}
		return response.body(problem);
	}

	@ExceptionHandler(AggregateNotFoundException.class)
	ResponseEntity<ProblemDetail> notFound(AggregateNotFoundException ex) {
		return ResponseEntity.status(HttpStatus.NOT_FOUND)
			.body(problem(OrderErrorCode.ORDER_NOT_FOUND, "There is no such order."));
	}

	@ExceptionHandler(ConcurrencyException.class)
	ResponseEntity<ProblemDetail> concurrent(ConcurrencyException ex) {
		return ResponseEntity.status(HttpStatus.CONFLICT)
			.body(problem(OrderErrorCode.CONCURRENT_MODIFICATION,
					"The order was changed by another request at the same time; read it and try again."));
	}

	@ExceptionHandler(IfMatch.MalformedIfMatch.class)
	ResponseEntity<ProblemDetail> malformedIfMatch(IfMatch.MalformedIfMatch ex) {
		ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST, ex.getMessage());
		problem.setType(ProblemTypes.uri("malformed-if-match"));
		problem.setTitle("Malformed If-Match");
		return ResponseEntity.badRequest().body(problem);
	}

	private static ProblemDetail problem(OrderErrorCode code, String detail) {
		ProblemDetail problem = ProblemDetail.forStatusAndDetail(statusOf(code), detail);
		problem.setType(ProblemTypes.uri(code.name().toLowerCase(Locale.ROOT).replace('_', '-')));
		problem.setTitle(titleOf(code));
		problem.setProperty("code", code.name());
		return problem;
	}

	private static HttpStatus statusOf(OrderErrorCode code) {
		return switch (code) {
			case INVALID_ORDER -> HttpStatus.BAD_REQUEST;
			case ORDER_NOT_FOUND -> HttpStatus.NOT_FOUND;
			case ORDER_ALREADY_SHIPPED, ORDER_ALREADY_CANCELLED, CONCURRENT_MODIFICATION -> HttpStatus.CONFLICT;
			case VERSION_MISMATCH -> HttpStatus.PRECONDITION_FAILED;
		};
	}

	private static String titleOf(OrderErrorCode code) {
		return switch (code) {
			case INVALID_ORDER -> "Invalid order";
			case ORDER_NOT_FOUND -> "Order not found";
			case ORDER_ALREADY_SHIPPED -> "Order already shipped";
			case ORDER_ALREADY_CANCELLED -> "Order already cancelled";
			case VERSION_MISMATCH -> "Order version does not match If-Match";
			case CONCURRENT_MODIFICATION -> "Concurrent modification";
		};
	}

	private static String detailOf(OrderException ex) {
		return switch (ex.code()) {
			case ORDER_NOT_FOUND -> "There is no such order.";
			default -> ex.getMessage();
		};
	}

}
