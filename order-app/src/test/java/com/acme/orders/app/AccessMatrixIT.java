package com.acme.orders.app;

import static com.acme.orders.app.RequestBodies.NEW_ADDRESS;
import static com.acme.orders.app.RequestBodies.ORDER;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

import com.acme.orders.platform.testing.PostgresTest;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * Who may do what: every customer-facing endpoint for the owner, another customer, staff
 * and nobody ({@code 2xx, 404, 2xx, 401}); every admin endpoint refused to customers and
 * the carrier ({@code 403}); the carrier webhook for the carrier only.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
		properties = "orders.payment.simulator.unresponsive-for-amount=25.00")
@PostgresTest
class AccessMatrixIT {

	private static final String CANCEL = "{\"reason\":\"changed my mind\"}";

	private final JsonMapper json = JsonMapper.builder().build();

	@LocalServerPort
	private int port;

	@Test
	void customerFacingEndpointsAnswerTheOwnerAndStaffHideOrdersFromOthersAndNeedCredentials() throws Exception {
		for (String user : new String[] { "alice", "bob", "ops", null }) {
			String order = visibleOrderOfAlice();
			int read = expected(user, 200);
			assertThat(status(user, "GET", "/api/orders/" + order, null)).as("read as %s", user).isEqualTo(read);
			assertThat(status(user, "GET", "/api/orders/" + order + "/history", null)).as("history as %s", user)
				.isEqualTo(read);
			assertThat(status(user, "GET", "/api/orders/" + order + "?asOf=" + Instant.now(), null))
				.as("as of now, as %s", user)
				.isEqualTo(read);
			assertThat(status(user, "PUT", "/api/orders/" + order + "/shipping-address", NEW_ADDRESS))
				.as("change address as %s", user)
				.isEqualTo(expected(user, 200));
			assertThat(status(user, "POST", "/api/orders/" + order + "/cancel", CANCEL)).as("cancel as %s", user)
				.isEqualTo(expected(user, 202));
		}
		assertThat(status(null, "GET", "/api/orders", null)).isEqualTo(401);
		assertThat(status(null, "POST", "/api/orders", ORDER)).isEqualTo(401);
	}

	@Test
	void adminEndpointsAreForStaffOnly() throws Exception {
		List<String[]> adminEndpoints = List.of(new String[] { "GET", "/api/admin/projections" },
				new String[] { "GET", "/api/admin/projections/order-summary" },
				new String[] { "POST", "/api/admin/projections/order-summary/replay" },
				new String[] { "GET", "/api/admin/dead-letters" },
				new String[] { "POST", "/api/admin/dead-letters/some-id/retry" },
				new String[] { "DELETE", "/api/admin/dead-letters/some-id" },
				new String[] { "GET", "/actuator/metrics" });
		for (String[] endpoint : adminEndpoints) {
			for (String user : new String[] { "alice", "carrier" }) {
				assertThat(status(user, endpoint[0], endpoint[1], null))
					.as("%s %s as %s", endpoint[0], endpoint[1], user)
					.isEqualTo(403);
			}
			assertThat(status(null, endpoint[0], endpoint[1], null)).as("%s %s anonymously", endpoint[0], endpoint[1])
				.isEqualTo(401);
		}
		assertThat(status("ops", "GET", "/api/admin/dead-letters", null)).isEqualTo(200);
	}

	@Test
	void theCarrierWebhookIsForTheCarrierOnly() throws Exception {
		String report = "{\"type\":\"DISPATCHED\",\"trackingNumber\":\"1Z999\",\"occurredAt\":\"%s\"}"
			.formatted(Instant.now());
		String path = "/api/shipments/00000000-0000-4000-8000-000000000001/events";
		assertThat(status("alice", "POST", path, report)).isEqualTo(403);
		assertThat(status("ops", "POST", path, report)).isEqualTo(403);
		assertThat(status(null, "POST", path, report)).isEqualTo(401);
		assertThat(status("carrier", "POST", path, report)).as("an unknown shipment").isEqualTo(404);
	}

	private static int expected(String user, int forOwnerAndStaff) {
		if (user == null) {
			return 401;
		}
		return user.equals("bob") ? 404 : forOwnerAndStaff;
	}

	/** A new unpaid order of alice's, already in the read model. */
	private String visibleOrderOfAlice() throws Exception {
		HttpResponse<String> placed = new HttpApi(port).send("alice", "POST", "/api/orders", ORDER);
		String orderId = json.readTree(placed.body()).get("orderId").asString();
		await().atMost(Duration.ofSeconds(10))
			.until(() -> status("alice", "GET", "/api/orders/" + orderId, null) == 200);
		return orderId;
	}

	private int status(String user, String method, String path, String body) throws Exception {
		return new HttpApi(port).send(user, method, path, body).statusCode();
	}

}
