package com.acme.orders.platform.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.SQLException;
import java.util.concurrent.CompletionException;

import org.axonframework.commandhandling.CommandExecutionException;
import org.axonframework.common.jdbc.JdbcException;
import org.axonframework.eventsourcing.eventstore.EventStoreException;
import org.junit.jupiter.api.Test;

import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.CannotGetJdbcConnectionException;
import org.springframework.transaction.TransactionSystemException;

class DatabaseUnavailableTest {

	private final ApiProblemHandler handler = new ApiProblemHandler();

	@Test
	void aLostConnectionDeepInsideAxonIs503WithRetryAfter() {
		Exception failure = new CompletionException(
				new CommandExecutionException("command failed", new EventStoreException("could not load events",
						new CannotGetJdbcConnectionException("pool exhausted", new SQLException("refused", "08001")))));

		ResponseEntity<ProblemDetail> answer = handler.unexpected(failure);

		assertThat(answer.getStatusCode().value()).isEqualTo(503);
		assertThat(answer.getHeaders().getFirst("Retry-After")).isEqualTo("5");
		assertThat(answer.getBody().getDetail()).doesNotContain("pool", "refused", "08001");
	}

	@Test
	void aServerShuttingDownIs503() {
		assertThat(handler.unexpected(new IllegalStateException(new SQLException("terminating", "57P01")))
			.getStatusCode()
			.value()).isEqualTo(503);
	}

	/** The commit lost its connection, and then so did the rollback that followed. */
	@Test
	void aCommitCutOffByARestartIs503() {
		TransactionSystemException rollbackFailed = new TransactionSystemException("JDBC rollback failed",
				new SQLException("Connection is closed"));

		assertThat(handler.unexpected(rollbackFailed).getStatusCode().value()).isEqualTo(503);
	}

	/**
	 * An aggregate loaded on a connection the pool closed when the server went away:
	 * HikariCP's exception carries no SQLState, and Axon wraps it.
	 */
	@Test
	void aStatementOnAConnectionThePoolClosedIs503() {
		JdbcException loadFailed = new JdbcException("Failed to create a SQL statement",
				new SQLException("Connection is closed"));

		assertThat(handler.unexpected(loadFailed).getStatusCode().value()).isEqualTo(503);
	}

	@Test
	void anyOtherFailureStays500() {
		assertThat(handler.unexpected(new IllegalStateException(new SQLException("duplicate", "23505")))
			.getStatusCode()
			.value()).isEqualTo(500);
	}

}
