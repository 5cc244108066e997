package com.acme.orders.platform.web;

import java.io.IOException;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Refuses request bodies over {@code limit} bytes with 413: at once when the declared
 * length is over, and while reading when a body without a length grows past it.
 */
class RequestBodyLimitFilter extends OncePerRequestFilter {

	private final long limit;

	RequestBodyLimitFilter(long limit) {
		this.limit = limit;
	}

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		if (request.getContentLengthLong() > limit) {
			tooLarge(response, limit);
			return;
		}
		chain.doFilter(new LimitedBody(request, limit), response);
	}

	static void tooLarge(HttpServletResponse response, long limit) throws IOException {
		ProblemResponses.write(response, 413, "payload-too-large", "Request body too large",
				"Request bodies may be at most " + limit + " bytes.");
	}

	/** Thrown while reading a body that has grown past the limit. */
	static final class BodyTooLarge extends IOException {

		private final long limit;

		BodyTooLarge(long limit) {
			super("Request body over " + limit + " bytes");
			this.limit = limit;
		}

		long limit() {
			return limit;
		}

	}

	private static final class LimitedBody extends HttpServletRequestWrapper {

		private final long limit;

		LimitedBody(HttpServletRequest request, long limit) {
			super(request);
			this.limit = limit;
		}

		@Override
		public ServletInputStream getInputStream() throws IOException {
			ServletInputStream body = super.getInputStream();
			return new ServletInputStream() {

				private long read;

				@Override
				public int read() throws IOException {
					int next = body.read();
					count((next < 0) ? 0 : 1);
					return next;
				}

				@Override
				public int read(byte[] buffer, int offset, int length) throws IOException {
					int count = body.read(buffer, offset, length);
					count(Math.max(count, 0));
					return count;
				}

				private void count(int bytes) throws BodyTooLarge {
					read += bytes;
					if (read > limit) {
						throw new BodyTooLarge(limit);
					}
				}

				@Override
				public boolean isFinished() {
					return body.isFinished();
				}

				@Override
				public boolean isReady() {
					return body.isReady();
				}

				@Override
				public void setReadListener(ReadListener listener) {
					body.setReadListener(listener);
				}

			};
		}

	}

}
