package com.acme.orders.shipping.web;

import java.time.Instant;
import java.util.UUID;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import com.acme.orders.platform.security.Caller;
import com.acme.orders.shipping.CarrierReport;
import com.acme.orders.shipping.CarrierReports;

import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/**
 * Where a carrier reports progress on a shipment it got from us (our shipment id is its
 * reference). Accepted reports answer 202 even when they change nothing: a duplicate or
 * outdated report is not an error for the carrier.
 */
@RestController
class ShipmentReportController {

	private final CarrierReports reports;

	ShipmentReportController(CarrierReports reports) {
		this.reports = reports;
	}

	@PostMapping("/api/shipments/{shipmentId}/events")
	@PreAuthorize("hasRole('CARRIER')")
	ResponseEntity<Object> report(@PathVariable UUID shipmentId, @Valid @RequestBody ShipmentReportRequest report,
			Caller carrier) {
		if (report.type() == CarrierReport.Type.DISPATCHED
				&& (report.trackingNumber() == null || report.trackingNumber().isBlank())) {
			throw new ShipmentReportProblems.MissingTrackingNumber();
		}
		reports.accept(shipmentId, report.toReport(), carrier.name());
		return ShipmentReportResponses.ACCEPTED.toEntity();
	}

	/** The webhook body. */
	record ShipmentReportRequest(@NotNull CarrierReport.Type type, @Size(max = 100) String trackingNumber,
			@Size(max = 500) String reason, @NotNull Instant occurredAt) {

		CarrierReport toReport() {
			return new CarrierReport(type, trackingNumber, reason, occurredAt);
		}

	}

}
