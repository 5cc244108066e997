package com.acme.orders.platform.security;

import java.time.Clock;
import java.time.Duration;
import java.util.List;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.context.annotation.Bean;
import org.springframework.core.env.Environment;
import org.springframework.security.config.annotation.method.configuration.EnableMethodSecurity;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configuration.WebSecurityCustomizer;
import org.springframework.security.config.observation.SecurityObservationSettings;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.core.userdetails.User;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.oauth2.core.OAuth2TokenValidator;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtClaimNames;
import org.springframework.security.oauth2.jwt.JwtClaimValidator;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.JwtIssuerValidator;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationConverter;
import org.springframework.security.oauth2.server.resource.authentication.JwtGrantedAuthoritiesConverter;
import org.springframework.security.provisioning.InMemoryUserDetailsManager;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.firewall.StrictHttpFirewall;
import org.springframework.web.method.support.HandlerMethodArgumentResolver;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/**
 * Every {@code /api} endpoint needs an authenticated caller. In production that is a JWT
 * bearer token (Spring Boot's {@code spring.security.oauth2.resourceserver.jwt.*}
 * properties: key or issuer, and audiences, all checked) whose {@code roles} claim
 * carries the roles. The embedded default also accepts HTTP Basic for a few demo users.
 */
@AutoConfiguration(beforeName = {
		"org.springframework.boot.security.autoconfigure.web.servlet.ServletWebSecurityAutoConfiguration",
		"org.springframework.boot.security.autoconfigure.UserDetailsServiceAutoConfiguration",
		"org.springframework.boot.security.oauth2.server.resource.autoconfigure.web.OAuth2ResourceServerWebSecurityAutoConfiguration" })
@EnableMethodSecurity
@EnableConfigurationProperties({ ApiSecurityAutoConfiguration.DemoUsersProperties.class,
		ApiSecurityAutoConfiguration.JwtClaimsProperties.class })
public class ApiSecurityAutoConfiguration {

	/** About 10 MiB of verified tokens at most. */
	private static final int REMEMBERED_TOKENS = 4_096;

	@Bean
	SecurityFilterChain apiSecurity(HttpSecurity http, DemoUsersProperties demoUsers, JwtClaimsProperties jwtClaims,
			ObjectProvider<JwtDecoder> jwtDecoder) throws Exception {
		ProblemAuthenticationEntryPoint problems = new ProblemAuthenticationEntryPoint(demoUsers.enabled());
		http.authorizeHttpRequests(requests -> requests.requestMatchers("/actuator/health/**", "/actuator/info")
			.permitAll()
			.requestMatchers("/api/admin/**", "/actuator/**")
			.hasRole(Caller.ADMIN_ROLE)
			.anyRequest()
			.authenticated())
			// A stateless JSON API: no cookies, so no session and nothing for CSRF to
			// ride on.
			.csrf(csrf -> csrf.disable())
			.sessionManagement(sessions -> sessions.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
			.exceptionHandling(errors -> errors.authenticationEntryPoint(problems).accessDeniedHandler(problems));
		if (demoUsers.enabled()) {
			http.httpBasic(basic -> basic.authenticationEntryPoint(problems));
		}
		if (jwtDecoder.getIfAvailable() != null) {
			jwtClaims.requireComplete();
			http.oauth2ResourceServer(resourceServer -> resourceServer.bearerTokenResolver(new BearerTokenHeader())
				.authenticationEntryPoint(problems)
				.jwt(jwt -> jwt.jwtAuthenticationConverter(rolesFromRolesClaim())));
		}
		return http.build();
	}

	/**
	 * No observation per security filter, authentication and authorization: they took an
	 * eighth of a request's CPU in a JFR profile under load. {@code http.server.requests}
	 * still times every request, tagged with its status.
	 */
	@Bean
	SecurityObservationSettings securityObservationSettings() {
		return SecurityObservationSettings.noObservations();
	}

	/**
	 * Spring Security's firewall with its own rules for the characters of header names
	 * and values and of parameter names, checked by {@link HeaderCharacters} instead of
	 * regular expressions.
	 */
	@Bean
	WebSecurityCustomizer headerCharactersCheckedByLoop() {
		StrictHttpFirewall firewall = new StrictHttpFirewall();
		firewall.setAllowedHeaderNames(HeaderCharacters::allowedInName);
		firewall.setAllowedHeaderValues(HeaderCharacters::allowedInValue);
		firewall.setAllowedParameterNames(HeaderCharacters::allowedInName);
		return web -> web.httpFirewall(firewall);
	}

	/**
	 * The JWT decoder Spring Boot makes verifies a token once per
	 * {@code orders.security.jwt.remember-verified-for} (1 minute; 0 verifies on every
	 * request), not on every request ({@link RememberingJwtDecoder}).
	 */
	@Bean
	static BeanPostProcessor rememberVerifiedJwts(Environment environment, ObjectProvider<Clock> clock) {
		return new BeanPostProcessor() {
			@Override
			public Object postProcessAfterInitialization(Object bean, String beanName) {
				if (!(bean instanceof JwtDecoder verifier) || bean instanceof RememberingJwtDecoder) {
					return bean;
				}
				// Bound here, not injected: a post-processor is made before placeholders
				// can be resolved in every kind of context.
				Duration rememberFor = Binder.get(environment)
					.bind("orders.security.jwt.remember-verified-for", Duration.class)
					.orElse(Duration.ofMinutes(1));
				return rememberFor.isZero() ? bean : new RememberingJwtDecoder(verifier, rememberFor, REMEMBERED_TOKENS,
						clock.getIfAvailable(Clock::systemUTC));
			}
		};
	}

	@Bean
	@ConditionalOnProperty(name = "orders.security.demo-users.enabled", havingValue = "true", matchIfMissing = true)
	UserDetailsService demoUsers() {
		InMemoryUserDetailsManager users = new InMemoryUserDetailsManager(
				List.of(User.withUsername("alice").password("{noop}alice").roles("CUSTOMER").build(),
						User.withUsername("bob").password("{noop}bob").roles("CUSTOMER").build(),
						User.withUsername("ops").password("{noop}ops").roles(Caller.ADMIN_ROLE).build(),
						User.withUsername("carrier").password("{noop}carrier").roles("CARRIER").build()));
		// Only the lookup is exposed: as a password service the manager would get each
		// demo password re-hashed with
		// bcrypt at first login, and every request would then pay ~90 ms of hashing.
		return users::loadUserByUsername;
	}

	@Bean
	@ConditionalOnProperty("orders.security.jwt.issuer")
	OAuth2TokenValidator<Jwt> jwtIssuerValidator(JwtClaimsProperties jwtClaims) {
		return new JwtIssuerValidator(jwtClaims.issuer());
	}

	@Bean
	@ConditionalOnProperty("orders.security.jwt.audience")
	OAuth2TokenValidator<Jwt> jwtAudienceValidator(JwtClaimsProperties jwtClaims) {
		return new JwtClaimValidator<List<String>>(JwtClaimNames.AUD,
				audiences -> audiences != null && audiences.contains(jwtClaims.audience()));
	}

	@Bean
	WebMvcConfigurer callerArgument() {
		return new WebMvcConfigurer() {
			@Override
			public void addArgumentResolvers(List<HandlerMethodArgumentResolver> resolvers) {
				resolvers.add(new CallerArgumentResolver());
			}
		};
	}

	private static JwtAuthenticationConverter rolesFromRolesClaim() {
		JwtGrantedAuthoritiesConverter authorities = new JwtGrantedAuthoritiesConverter();
		authorities.setAuthoritiesClaimName("roles");
		authorities.setAuthorityPrefix("ROLE_");
		JwtAuthenticationConverter converter = new JwtAuthenticationConverter();
		converter.setJwtGrantedAuthoritiesConverter(authorities);
		return converter;
	}

	/**
	 * Claims every JWT must carry. Spring Boot's decoder checks signature and expiry;
	 * these are added to its checks.
	 *
	 * @param issuer the only accepted {@code iss}
	 * @param audience an {@code aud} the token must name: this API
	 */
	@ConfigurationProperties("orders.security.jwt")
	public record JwtClaimsProperties(String issuer, String audience) {

		void requireComplete() {
			if (issuer == null || issuer.isBlank() || audience == null || audience.isBlank()) {
				throw new IllegalStateException("JWT authentication is configured but orders.security.jwt.issuer "
						+ "and orders.security.jwt.audience are not both set: tokens of any issuer or audience "
						+ "would be accepted");
			}
		}

	}

	/**
	 * The demo users {@code alice}, {@code bob} (customers), {@code ops} (admin) and
	 * {@code carrier} (the carrier's webhook) with HTTP Basic. Switch them off in
	 * production.
	 *
	 * @param enabled whether HTTP Basic with the demo users is accepted
	 */
	@ConfigurationProperties("orders.security.demo-users")
	public record DemoUsersProperties(@DefaultValue("true") boolean enabled) {
	}

}
