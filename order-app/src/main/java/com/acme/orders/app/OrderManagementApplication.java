package com.acme.orders.app;

import java.util.Map;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.AutoConfigurationExcludeFilter;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.TypeExcludeFilter;
import org.springframework.context.annotation.ComponentScan;
import org.springframework.context.annotation.FilterType;

/**
 * The whole backend in one process: the command, query and payment/shipping services
 * share one Spring context, one connection pool and one event store. Each service's own
 * {@code *Application} is left out of the scan, so that its standalone settings (port,
 * name) do not leak in.
 */
@SpringBootConfiguration
@EnableAutoConfiguration
@ComponentScan(
		basePackages = { "com.acme.orders.command", "com.acme.orders.query", "com.acme.orders.payment",
				"com.acme.orders.shipping" },
		excludeFilters = { @ComponentScan.Filter(type = FilterType.CUSTOM, classes = TypeExcludeFilter.class),
				@ComponentScan.Filter(type = FilterType.CUSTOM, classes = AutoConfigurationExcludeFilter.class),
				@ComponentScan.Filter(type = FilterType.ANNOTATION, classes = SpringBootApplication.class) })
public class OrderManagementApplication {

	public static void main(String[] args) {
		SpringApplication application = new SpringApplication(OrderManagementApplication.class);
		application.setDefaultProperties(Map.of("server.port", "8080", "spring.application.name", "order-management"));
		application.run(args);
	}

}
