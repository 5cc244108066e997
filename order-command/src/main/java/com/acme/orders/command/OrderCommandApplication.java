package com.acme.orders.command;

import java.util.Map;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;

/**
 * Runs the order command service on its own, against a shared PostgreSQL.
 */
@SpringBootApplication
public class OrderCommandApplication {

	public static void main(String[] args) {
		SpringApplication application = new SpringApplication(OrderCommandApplication.class);
		application.setDefaultProperties(Map.of("server.port", "8081", "spring.application.name", "order-command"));
		application.run(args);
	}

}
