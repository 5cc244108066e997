package com.acme.orders.shipping.web;

import java.util.Map;
import java.util.Optional;

import com.acme.orders.platform.idempotency.CommandResponse;
import com.acme.orders.platform.idempotency.CommandResponses;
import com.acme.orders.shipping.CarrierReports;

import org.springframework.stereotype.Component;

/**
 * A carrier's report is answered 202 with no body, whether or not it changed anything.
 */
@Component
class ShipmentReportResponses implements CommandResponses {

	static final CommandResponse ACCEPTED = new CommandResponse(202, Map.of(), null);

	@Override
	public Optional<CommandResponse> render(Object command, Object result) {
		return CarrierReports.isReport(command) ? Optional.of(ACCEPTED) : Optional.empty();
	}

}
