package com.acme.orders.saga;

import java.util.Map;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;

/**
 * Runs the payment and shipping service on its own, against a shared PostgreSQL.
 */
@SpringBootApplication(scanBasePackages = { "com.acme.orders.payment", "com.acme.orders.shipping" })
public class OrderSagaApplication {

	public static void main(String[] args) {
		SpringApplication application = new SpringApplication(OrderSagaApplication.class);
		application.setDefaultProperties(Map.of("server.port", "8083", "spring.application.name", "order-saga"));
		application.run(args);
	}

}
