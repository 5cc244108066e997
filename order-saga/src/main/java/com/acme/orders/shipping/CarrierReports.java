package com.acme.orders.shipping;

import java.util.Map;
import java.util.UUID;

import com.acme.orders.platform.axon.MessageMetadata;
import org.axonframework.commandhandling.GenericCommandMessage;
import org.axonframework.commandhandling.gateway.CommandGateway;

import org.springframework.stereotype.Component;

/**
 * Turns a carrier's report into a command to the shipment. The one path for every report:
 * the webhook and the simulated carrier both come through here.
 */
@Component
public class CarrierReports {

	private final CommandGateway commands;

	CarrierReports(CommandGateway commands) {
		this.commands = commands;
	}

	public void accept(UUID shipmentId, CarrierReport report, String reportedBy) {
		Object command = switch (report.type()) {
			case DISPATCHED -> new RecordDispatch(shipmentId, report.trackingNumber(), report.occurredAt());
			case DELIVERED -> new RecordDelivery(shipmentId, report.occurredAt());
			case FAILED -> new RecordShipmentFailure(shipmentId,
					report.reason() == null ? "reported failed by the carrier" : report.reason(), report.occurredAt());
		};
		commands.sendAndWait(GenericCommandMessage.asCommandMessage(command)
			.andMetaData(Map.of(MessageMetadata.PRINCIPAL, reportedBy)));
	}

	/** Whether {@code command} is what {@link #accept} sends for a report. */
	public static boolean isReport(Object command) {
		return command instanceof RecordDispatch || command instanceof RecordDelivery
				|| command instanceof RecordShipmentFailure;
	}

}
