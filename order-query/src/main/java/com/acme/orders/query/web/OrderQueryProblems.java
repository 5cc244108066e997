package com.acme.orders.query.web;

import java.util.List;

import com.acme.orders.platform.web.ApiProblemHandler;
import com.acme.orders.platform.web.FieldError;
import com.acme.orders.platform.web.ProblemTypes;

import org.springframework.core.annotation.Order;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

/**
 * Problem details of the order queries: unknown orders, unsupported sorting, and a read
 * model that lags behind.
 */
@RestControllerAdvice(assignableTypes = OrderQueryController.class)
@Order(0)
class OrderQueryProblems {

	private static final String RETRY_AFTER_SECONDS = "1";

	@ExceptionHandler(OrderNotVisible.class)
	ResponseEntity<ProblemDetail> notFound(OrderNotVisible ex) {
		ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.NOT_FOUND, "There is no such order.");
		problem.setType(ProblemTypes.uri("order-not-found"));
		problem.setTitle("Order not found");
		problem.setProperty("code", "ORDER_NOT_FOUND");
		return ResponseEntity.status(HttpStatus.NOT_FOUND).body(problem);
	}

	@ExceptionHandler(UnsupportedSort.class)
	ResponseEntity<ProblemDetail> unsupportedSort(UnsupportedSort ex) {
		return ResponseEntity.badRequest()
			.body(ApiProblemHandler.invalidRequest(List.of(new FieldError("sort", ex.getMessage()))));
	}

	@ExceptionHandler(ReadModelBehind.class)
	ResponseEntity<ProblemDetail> behind(ReadModelBehind ex) {
		ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.SERVICE_UNAVAILABLE, ex.getMessage());
		problem.setType(ProblemTypes.uri("read-model-behind"));
		problem.setTitle("Read model not yet up to date");
		return ResponseEntity.status(HttpStatus.SERVICE_UNAVAILABLE)
			.header(HttpHeaders.RETRY_AFTER, RETRY_AFTER_SECONDS)
			.body(problem);
	}

}
