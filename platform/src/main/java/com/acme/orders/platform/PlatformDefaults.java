package com.acme.orders.platform;

import java.io.IOException;
import java.io.UncheckedIOException;

import org.springframework.boot.EnvironmentPostProcessor;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.env.PropertiesPropertySourceLoader;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;

/**
 * Default settings that modules ship in {@code META-INF/orders/defaults/*.properties}:
 * the platform's (Jackson for Axon, no Axon Server, no update check, strict JSON, problem
 * details) and each service's (its event processors). They are added with the lowest
 * precedence, so any application property or environment variable overrides them. They
 * live here rather than in {@code application.yml}, which only one module on a classpath
 * can own.
 */
class PlatformDefaults implements EnvironmentPostProcessor {

	private static final String LOCATION = "classpath*:META-INF/orders/defaults/*.properties";

	@Override
	public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
		PropertiesPropertySourceLoader loader = new PropertiesPropertySourceLoader();
		try {
			for (Resource resource : new PathMatchingResourcePatternResolver().getResources(LOCATION)) {
				loader.load("orders-defaults:" + resource.getFilename(), resource)
					.forEach(environment.getPropertySources()::addLast);
			}
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Cannot read " + LOCATION, ex);
		}
	}

}
