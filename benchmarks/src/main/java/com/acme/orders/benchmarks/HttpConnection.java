package com.acme.orders.benchmarks;

import java.io.ByteArrayOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;

/**
 * One kept-alive HTTP/1.1 connection, blocking, for one client thread of the load. The
 * JDK's {@code HttpClient} spent 0.34 to 0.64 ms of CPU per request on the two cores the
 * app and PostgreSQL share, four to thirteen times what the JDBC client of the ceiling
 * spends per statement; this spends a few microseconds: the request's bytes are made
 * once, and the answer is read straight off the socket. It reconnects when the server
 * closes the connection (Tomcat does after 100 requests) or when it has been idle for
 * longer than the server keeps it.
 */
final class HttpConnection implements AutoCloseable {

	/** Tomcat closes a connection idle for 20 s; reconnect well before. */
	private static final long IDLE_NANOS = 10_000_000_000L;

	private final InetSocketAddress address;

	private Socket socket;

	private OutputStream out;

	private InputStream in;

	/**
	 * What was read off the socket and not yet parsed: {@code position} to {@code limit}.
	 */
	private final byte[] buffer = new byte[16 * 1024];

	private int position;

	private int limit;

	private long lastUsed;

	HttpConnection(URI base) {
		this.address = new InetSocketAddress(base.getHost(), base.getPort());
	}

	/** A request, encoded once and sent as often as wanted. */
	record Request(byte[] bytes) {

		static Request of(URI base, String method, String path, String token, String jsonBody) {
			StringBuilder head = new StringBuilder(method).append(' ')
				.append(path)
				.append(" HTTP/1.1\r\nHost: ")
				.append(base.getHost())
				.append(':')
				.append(base.getPort())
				.append("\r\nAuthorization: Bearer ")
				.append(token)
				.append("\r\n");
			byte[] body = (jsonBody == null) ? new byte[0] : jsonBody.getBytes(StandardCharsets.UTF_8);
			if (jsonBody != null) {
				head.append("Content-Type: application/json\r\nContent-Length: ").append(body.length).append("\r\n");
			}
			byte[] headBytes = head.append("\r\n").toString().getBytes(StandardCharsets.US_ASCII);
			byte[] bytes = new byte[headBytes.length + body.length];
			System.arraycopy(headBytes, 0, bytes, 0, headBytes.length);
			System.arraycopy(body, 0, bytes, headBytes.length, body.length);
			return new Request(bytes);
		}

	}

	/**
	 * @param headers by lower-case name
	 */
	record Response(int status, Map<String, String> headers, String body) {

		String header(String name) {
			return headers.get(name.toLowerCase(Locale.ROOT));
		}

		Response expect(int expected) {
			if (status != expected) {
				throw new IllegalStateException("Expected " + expected + ", got " + status + ": " + body);
			}
			return this;
		}

	}

	Response send(Request request) throws IOException {
		if (socket == null || System.nanoTime() - lastUsed > IDLE_NANOS) {
			reconnect();
		}
		out.write(request.bytes());
		out.flush();
		Response response = read();
		lastUsed = System.nanoTime();
		if ("close".equalsIgnoreCase(response.header("Connection"))) {
			close();
		}
		return response;
	}

	private Response read() throws IOException {
		String statusLine = line();
		int status = Integer.parseInt(statusLine.substring(9, 12));
		Map<String, String> headers = new HashMap<>();
		for (String line = line(); !line.isEmpty(); line = line()) {
			int colon = line.indexOf(':');
			headers.put(line.substring(0, colon).trim().toLowerCase(Locale.ROOT), line.substring(colon + 1).trim());
		}
		byte[] body;
		if ("chunked".equalsIgnoreCase(headers.get("transfer-encoding"))) {
			body = chunkedBody();
		}
		else {
			String length = headers.get("content-length");
			body = bytes((length == null) ? 0 : Integer.parseInt(length));
		}
		return new Response(status, headers, new String(body, StandardCharsets.UTF_8));
	}

	private byte[] chunkedBody() throws IOException {
		ByteArrayOutputStream body = new ByteArrayOutputStream();
		while (true) {
			String size = line();
			int semicolon = size.indexOf(';');
			int length = Integer.parseInt((semicolon < 0) ? size : size.substring(0, semicolon), 16);
			if (length == 0) {
				for (String trailer = line(); !trailer.isEmpty(); trailer = line()) {
					// Trailers carry nothing the benchmark reads.
				}
				return body.toByteArray();
			}
			body.write(bytes(length));
			line();
		}
	}

	private byte[] bytes(int length) throws IOException {
		byte[] bytes = new byte[length];
		for (int copied = 0; copied < length;) {
			fill();
			int chunk = Math.min(length - copied, limit - position);
			System.arraycopy(buffer, position, bytes, copied, chunk);
			position += chunk;
			copied += chunk;
		}
		return bytes;
	}

	/** Reads more off the socket if everything read was parsed. */
	private void fill() throws IOException {
		if (position < limit) {
			return;
		}
		position = 0;
		limit = Math.max(0, in.read(buffer));
		if (limit == 0) {
			close();
			throw new EOFException("The server closed the connection");
		}
	}

	private String line() throws IOException {
		StringBuilder line = new StringBuilder(64);
		while (true) {
			fill();
			int next = buffer[position++] & 0xFF;
			if (next == '\n') {
				int length = line.length();
				if (length > 0 && line.charAt(length - 1) == '\r') {
					line.setLength(length - 1);
				}
				return line.toString();
			}
			line.append((char) next);
		}
	}

	private void reconnect() throws IOException {
		close();
		socket = new Socket();
		socket.setTcpNoDelay(true);
		socket.connect(address, 5_000);
		out = socket.getOutputStream();
		in = socket.getInputStream();
		position = 0;
		limit = 0;
	}

	@Override
	public void close() throws IOException {
		if (socket != null) {
			socket.close();
			socket = null;
		}
	}

}
