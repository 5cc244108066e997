package com.acme.orders.platform.idempotency;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.Principal;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

import com.acme.orders.platform.postgres.DatabaseUnavailable;
import com.acme.orders.platform.web.ProblemResponses;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.http.ResponseEntity;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Looks at POST and PUT requests under {@code /api/} that carry an
 * {@code Idempotency-Key}: a key answered before gets its answer again (or 422 if the
 * body differs), at no cost; any other request goes on, marked so that the command it
 * sends takes the key in its transaction. Runs after authentication: keys belong to the
 * caller and the route.
 */
class IdempotencyKeyFilter extends OncePerRequestFilter {

	static final String HEADER = "Idempotency-Key";

	/** Where the controller's command dispatch finds the request. */
	static final String REQUEST_ATTRIBUTE = IdempotentRequest.class.getName();

	private static final Set<String> METHODS = Set.of("POST", "PUT");

	/** Visible ASCII but quote and backslash, spaces inside, 1 to 255 characters. */
	private static final Pattern KEY = Pattern.compile("[!#-\\[\\]-~][ !#-\\[\\]-~]{0,254}");

	private final IdempotencyKeys keys;

	IdempotencyKeyFilter(IdempotencyKeys keys) {
		this.keys = keys;
	}

	@Override
	protected boolean shouldNotFilter(HttpServletRequest request) {
		return !METHODS.contains(request.getMethod()) || !request.getRequestURI().startsWith("/api/")
				|| request.getHeader(HEADER) == null;
	}

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		Principal caller = request.getUserPrincipal();
		Optional<String> key = parse(request.getHeader(HEADER));
		if (key.isEmpty()) {
			ProblemResponses.write(response, 400, "invalid-idempotency-key", "Invalid Idempotency-Key",
					"An Idempotency-Key is 1 to 255 visible ASCII characters, optionally in double quotes.");
			return;
		}
		if (caller == null) {
			chain.doFilter(request, response);
			return;
		}
		byte[] body = request.getInputStream().readAllBytes();
		IdempotentRequest idempotent = new IdempotentRequest(
				caller.getName() + " " + request.getMethod() + " " + request.getRequestURI(), key.get(), sha256(body));
		Optional<RecordedResponse> earlier;
		try {
			earlier = keys.find(idempotent.scope(), idempotent.key());
		}
		catch (RuntimeException ex) {
			if (!DatabaseUnavailable.causedBy(ex)) {
				throw ex;
			}
			ProblemResponses.writeDatabaseUnavailable(response);
			return;
		}
		if (earlier.isPresent() && !earlier.get().answers(idempotent)) {
			IdempotencyProblems.write(response, new IdempotencyKeyReused());
			return;
		}
		if (earlier.isPresent()) {
			write(response, earlier.get().toEntity());
			return;
		}
		request.setAttribute(REQUEST_ATTRIBUTE, idempotent);
		chain.doFilter(new BufferedBody(request, body), response);
	}

	/** The key of a structured-field string ({@code "..."}) or of a bare value. */
	static Optional<String> parse(String header) {
		String value = header.strip();
		if (value.length() >= 2 && value.startsWith("\"") && value.endsWith("\"")) {
			value = value.substring(1, value.length() - 1);
		}
		return KEY.matcher(value).matches() ? Optional.of(value) : Optional.empty();
	}

	private static void write(HttpServletResponse response, ResponseEntity<String> entity) throws IOException {
		response.setStatus(entity.getStatusCode().value());
		entity.getHeaders().forEach((name, values) -> values.forEach(value -> response.addHeader(name, value)));
		if (entity.getBody() != null) {
			response.setCharacterEncoding("UTF-8");
			response.getWriter().write(entity.getBody());
		}
	}

	private static byte[] sha256(byte[] body) {
		try {
			return MessageDigest.getInstance("SHA-256").digest(body);
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException("Every Java runtime has SHA-256", ex);
		}
	}

	/** The request again, with the body that was read to hash it. */
	private static final class BufferedBody extends HttpServletRequestWrapper {

		private final byte[] body;

		BufferedBody(HttpServletRequest request, byte[] body) {
			super(request);
			this.body = body;
		}

		@Override
		public ServletInputStream getInputStream() {
			ByteArrayInputStream bytes = new ByteArrayInputStream(body);
			return new ServletInputStream() {

				@Override
				public int read() {
					return bytes.read();
				}

				@Override
				public int read(byte[] buffer, int offset, int length) {
					return bytes.read(buffer, offset, length);
				}

				@Override
				public boolean isFinished() {
					return bytes.available() == 0;
				}

				@Override
				public boolean isReady() {
					return true;
				}

				@Override
				public void setReadListener(ReadListener listener) {
					throw new UnsupportedOperationException("The body is already read");
				}

			};
		}

	}

}
