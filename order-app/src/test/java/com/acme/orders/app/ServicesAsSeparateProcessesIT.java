package com.acme.orders.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;

import com.acme.orders.command.OrderCommandApplication;
import com.acme.orders.platform.testing.TestPostgres;
import com.acme.orders.query.OrderQueryApplication;
import com.acme.orders.saga.OrderSagaApplication;
import org.axonframework.config.EventProcessingConfiguration;
import org.junit.jupiter.api.Test;

import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * The command, query and payment/shipping services each run on their own and share
 * nothing but the PostgreSQL database: an order placed through the command service is
 * read through the query service.
 */
class ServicesAsSeparateProcessesIT {

	private static final String ORDER = """
			{"currency":"EUR","lines":[{"sku":"BOOK-1984","quantity":1,"unitPrice":"12.50"}],
			 "shippingAddress":{"name":"Ada Lovelace","street":"1 Main St","city":"London","postalCode":"N1 9GU",
			                    "country":"GB"}}""";

	@Test
	void anOrderPlacedThroughTheCommandServiceIsReadThroughTheQueryService() throws Exception {
		TestPostgres.Database database = TestPostgres.newDatabase();
		try (ConfigurableApplicationContext commandService = start(OrderCommandApplication.class, database);
				ConfigurableApplicationContext queryService = start(OrderQueryApplication.class, database);
				ConfigurableApplicationContext sagaService = start(OrderSagaApplication.class, database)) {
			assertThat(processors(commandService)).as("the command service only follows payment and shipping")
				.containsOnly("order-policy");
			assertThat(processors(queryService)).containsOnly("order-summary-a", "order-summary-b");
			assertThat(processors(sagaService)).containsOnly("PaymentSagaProcessor", "ShippingSagaProcessor");

			HttpResponse<String> placed = send(commandService, "POST", "/api/orders", ORDER);
			assertThat(placed.statusCode()).isEqualTo(201);
			String location = placed.headers().firstValue("Location").orElseThrow();

			HttpResponse<String> read = send(queryService, "GET", location + "?minVersion=1", null);
			assertThat(read.statusCode()).isEqualTo(200);
			assertThat(read.body()).contains("\"status\":\"PENDING_PAYMENT\"", "\"amount\":\"12.50\"");
			assertThat(send(queryService, "POST", "/api/orders", ORDER).statusCode())
				.as("the query service takes no commands")
				.isIn(404, 405);
		}
	}

	private static java.util.Set<String> processors(ConfigurableApplicationContext service) {
		return service.getBean(EventProcessingConfiguration.class).eventProcessors().keySet();
	}

	private static ConfigurableApplicationContext start(Class<?> service, TestPostgres.Database database) {
		return new SpringApplicationBuilder(service)
			.properties("spring.datasource.url=" + database.url(), "spring.datasource.username=" + database.username(),
					"spring.datasource.password=" + database.password())
			.run("--server.port=0");
	}

	private HttpResponse<String> send(ConfigurableApplicationContext service, String method, String path, String body)
			throws Exception {
		return HttpApi.of(service).send("alice", method, path, body);
	}

}
