package com.acme.orders.shipping.web;

import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.BDDMockito.willThrow;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.Instant;
import java.util.UUID;

import com.acme.orders.platform.security.ApiSecurityAutoConfiguration;
import com.acme.orders.platform.web.WebAutoConfiguration;
import com.acme.orders.shipping.CarrierReport;
import com.acme.orders.shipping.CarrierReports;
import com.acme.orders.shipping.ShipmentNotDispatched;
import org.axonframework.modelling.command.AggregateNotFoundException;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.autoconfigure.ImportAutoConfiguration;
import org.springframework.boot.webmvc.test.autoconfigure.WebMvcTest;
import org.springframework.http.MediaType;
import org.springframework.test.context.ContextConfiguration;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.servlet.MockMvc;

@WebMvcTest(ShipmentReportController.class)
@ContextConfiguration(classes = { ShipmentReportController.class, ShipmentReportProblems.class })
@ImportAutoConfiguration({ WebAutoConfiguration.class, ApiSecurityAutoConfiguration.class })
class ShipmentReportControllerTest {

	private static final UUID SHIPMENT_ID = UUID.fromString("0c000000-0000-4000-8000-000000000001");

	private static final String DISPATCHED = """
			{"type":"DISPATCHED","trackingNumber":"TRACK-1","occurredAt":"2026-11-22T10:00:00Z"}""";

	@Autowired
	private MockMvc mvc;

	@MockitoBean
	private CarrierReports reports;

	@Test
	void theCarrierReportIsAcceptedAndPassedOnInTheCarriersName() throws Exception {
		mvc.perform(post("/api/shipments/{id}/events", SHIPMENT_ID).with(httpBasic("carrier", "carrier"))
			.contentType(MediaType.APPLICATION_JSON)
			.content(DISPATCHED)).andExpect(status().isAccepted());

		verify(reports).accept(SHIPMENT_ID, new CarrierReport(CarrierReport.Type.DISPATCHED, "TRACK-1", null,
				Instant.parse("2026-11-22T10:00:00Z")), "carrier");
	}

	@Test
	void onlyTheCarrierRoleMayReport() throws Exception {
		mvc.perform(post("/api/shipments/{id}/events", SHIPMENT_ID).with(httpBasic("alice", "alice"))
			.contentType(MediaType.APPLICATION_JSON)
			.content(DISPATCHED)).andExpect(status().isForbidden());
		verify(reports, never()).accept(any(), any(), anyString());
	}

	@Test
	void aDispatchWithoutTrackingNumberOrAnUnknownTypeIs400() throws Exception {
		mvc.perform(post("/api/shipments/{id}/events", SHIPMENT_ID).with(httpBasic("carrier", "carrier"))
			.contentType(MediaType.APPLICATION_JSON)
			.content("{\"type\":\"DISPATCHED\",\"occurredAt\":\"2026-11-22T10:00:00Z\"}"))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.errors[0].field").value("trackingNumber"));
		mvc.perform(post("/api/shipments/{id}/events", SHIPMENT_ID).with(httpBasic("carrier", "carrier"))
			.contentType(MediaType.APPLICATION_JSON)
			.content("{\"type\":\"TELEPORTED\",\"occurredAt\":\"2026-11-22T10:00:00Z\"}"))
			.andExpect(status().isBadRequest());
		verify(reports, never()).accept(any(), any(), anyString());
	}

	@Test
	void anUnknownShipmentIs404() throws Exception {
		willThrow(new AggregateNotFoundException(SHIPMENT_ID.toString(), "none")).given(reports)
			.accept(eq(SHIPMENT_ID), any(), anyString());

		mvc.perform(post("/api/shipments/{id}/events", SHIPMENT_ID).with(httpBasic("carrier", "carrier"))
			.contentType(MediaType.APPLICATION_JSON)
			.content(DISPATCHED)).andExpect(status().isNotFound());
	}

	@Test
	void aDeliveryBeforeTheDispatchIs409ForTheCarrierToRetry() throws Exception {
		willThrow(new ShipmentNotDispatched(SHIPMENT_ID)).given(reports).accept(eq(SHIPMENT_ID), any(), anyString());

		mvc.perform(post("/api/shipments/{id}/events", SHIPMENT_ID).with(httpBasic("carrier", "carrier"))
			.contentType(MediaType.APPLICATION_JSON)
			.content("{\"type\":\"DELIVERED\",\"occurredAt\":\"2026-11-22T10:00:00Z\"}"))
			.andExpect(status().isConflict())
			.andExpect(jsonPath("$.title").value("Shipment not dispatched yet"));
	}

}
