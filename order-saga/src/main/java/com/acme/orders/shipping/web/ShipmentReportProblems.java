package com.acme.orders.shipping.web;

import java.util.List;

import com.acme.orders.platform.web.ApiProblemHandler;
import com.acme.orders.platform.web.FieldError;
import com.acme.orders.platform.web.ProblemTypes;
import com.acme.orders.shipping.ShipmentNotDispatched;
import org.axonframework.modelling.command.AggregateNotFoundException;

import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

/**
 * Problem details of the carrier webhook: an unknown shipment, a delivery reported before
 * the dispatch (409, for the carrier to retry), or a dispatch report without a tracking
 * number.
 */
@RestControllerAdvice(assignableTypes = ShipmentReportController.class)
@Order(0)
class ShipmentReportProblems {

	@ExceptionHandler(AggregateNotFoundException.class)
	ResponseEntity<ProblemDetail> unknownShipment(AggregateNotFoundException ex) {
		ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.NOT_FOUND, "There is no such shipment.");
		problem.setType(ProblemTypes.uri("shipment-not-found"));
		problem.setTitle("Shipment not found");
		return ResponseEntity.status(HttpStatus.NOT_FOUND).body(problem);
	}

	@ExceptionHandler(ShipmentNotDispatched.class)
	ResponseEntity<ProblemDetail> notDispatched(ShipmentNotDispatched ex) {
		ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.CONFLICT,
				"The shipment has not been reported dispatched; report the dispatch first or send this again later.");
		problem.setType(ProblemTypes.uri("shipment-not-dispatched"));
		problem.setTitle("Shipment not dispatched yet");
		return ResponseEntity.status(HttpStatus.CONFLICT).body(problem);
	}

	@ExceptionHandler(MissingTrackingNumber.class)
	ResponseEntity<ProblemDetail> missingTrackingNumber(MissingTrackingNumber ex) {
		return ResponseEntity.badRequest()
			.body(ApiProblemHandler
				.invalidRequest(List.of(new FieldError("trackingNumber", "is required when the type is DISPATCHED"))));
	}

	/** A DISPATCHED report must say how to track the parcel. */
	static class MissingTrackingNumber extends RuntimeException {

	}

}
