package com.acme.orders.query;

import java.util.Map;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;

/**
 * Runs the order query service on its own, against a shared PostgreSQL.
 */
@SpringBootApplication
public class OrderQueryApplication {

	public static void main(String[] args) {
		SpringApplication application = new SpringApplication(OrderQueryApplication.class);
		application.setDefaultProperties(Map.of("server.port", "8082", "spring.application.name", "order-query"));
		application.run(args);
	}

}
