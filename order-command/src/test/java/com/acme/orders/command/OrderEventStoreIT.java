package com.acme.orders.command;

import static com.acme.orders.command.OrderFixtures.aPlaceOrder;
import static com.acme.orders.command.OrderFixtures.alice;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicBoolean;

import com.acme.orders.events.Address;
import com.acme.orders.events.order.OrderPlaced;
import com.acme.orders.platform.axon.RecentAggregates;
import com.acme.orders.platform.testing.PostgresTest;
import com.zaxxer.hikari.HikariDataSource;
import org.axonframework.commandhandling.CommandBus;
import org.axonframework.commandhandling.CommandMessage;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.common.Registration;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.eventsourcing.eventstore.EventStorageEngine;
import org.axonframework.messaging.MessageHandlerInterceptor;
import org.axonframework.modelling.command.AggregateStreamCreationException;
import org.axonframework.modelling.command.ConcurrencyException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.slf4j.MDC;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.authentication.TestingAuthenticationToken;
import org.springframework.security.core.context.SecurityContextHolder;

/**
 * The order aggregate on the real JDBC event store in PostgreSQL: snapshots, optimistic
 * concurrency and metadata.
 */
@SpringBootTest(classes = OrderCommandApplication.class, properties = "orders.snapshot.threshold=3")
@PostgresTest
class OrderEventStoreIT {

	@Autowired
	private CommandGateway commands;

	@Autowired
	private CommandBus commandBus;

	@Autowired
	private EventStorageEngine storageEngine;

	@Autowired
	private JdbcClient jdbc;

	@Autowired
	private HikariDataSource dataSource;

	@Autowired
	private RecentAggregates orderCache;

	@AfterEach
	void clearRequestContext() {
		SecurityContextHolder.clearContext();
		MDC.clear();
	}

	@Test
	void aSnapshotIsWrittenAndTheOrderLoadsFromIt() {
		UUID orderId = placeOrder();
		for (int street = 2; street <= 6; street++) {
			commands.sendAndWait(new ChangeShippingAddress(orderId, address(street), alice(), null));
		}
		await().atMost(Duration.ofSeconds(10)).until(() -> snapshotSequence(orderId) != null);
		long snapshotAt = snapshotSequence(orderId);
		assertThat(jdbc
			.sql("select payload_type || ':' || payload_revision from snapshot_event_entry "
					+ "where aggregate_identifier = ?")
			.param(orderId.toString())
			.query(String.class)
			.single()).isEqualTo(Order.class.getName() + ":2");

		// Remove the events the snapshot covers, and the order from memory, as a process
		// started now would find them: the order can only be loaded through the snapshot.
		orderCache.removeAll();
		jdbc.sql("delete from domain_event_entry where aggregate_identifier = ? and sequence_number <= ?")
			.params(orderId.toString(), snapshotAt)
			.update();
		long version = commands.sendAndWait(new ChangeShippingAddress(orderId, address(99), alice(), 6L));

		assertThat(version).isEqualTo(7);
		assertThatThrownBy(() -> commands.sendAndWait(new CancelOrder(orderId, null, OrderFixtures.bob(), null)))
			.as("the customer survived the snapshot")
			.isInstanceOf(OrderNotFound.class);
	}

	@Test
	void aDuplicateSequenceNumberIsAConcurrencyFailureNotAStoreError() {
		String orderId = UUID.randomUUID().toString();
		storageEngine.appendEvents(event(orderId, 0));
		storageEngine.appendEvents(event(orderId, 1));

		assertThatThrownBy(() -> storageEngine.appendEvents(event(orderId, 1)))
			.isInstanceOf(ConcurrencyException.class);
		assertThatThrownBy(() -> storageEngine.appendEvents(event(orderId, 0)))
			.isInstanceOf(AggregateStreamCreationException.class);
	}

	@Test
	void aCommandThatLosesARaceToAnotherWriterIsRetriedOnTheNewState() {
		UUID orderId = placeOrder();
		AtomicBoolean raced = new AtomicBoolean();
		MessageHandlerInterceptor<CommandMessage<?>> anotherWriterAppendsFirst = (unitOfWork, chain) -> {
			if (raced.compareAndSet(false, true)) {
				unitOfWork.onPrepareCommit(uow -> appendAddressChangeFromAnotherProcess(orderId));
			}
			return chain.proceed();
		};
		Registration registration = commandBus.registerHandlerInterceptor(anotherWriterAppendsFirst);
		try {
			long version = commands.sendAndWait(new ChangeShippingAddress(orderId, address(2), alice(), null));

			assertThat(raced).isTrue();
			assertThat(version).as("our event follows the other writer's").isEqualTo(3);
			assertThat(sequenceNumbers(orderId)).containsExactly(0L, 1L, 2L);
		}
		finally {
			registration.cancel();
		}
	}

	@Test
	void aCommandOnAnOrderUsedLatelyTakesItFromMemory() {
		UUID orderId = placeOrder();
		long hits = orderCache.hits();
		long loads = orderCache.misses() + orderCache.outdated();

		long version = commands.sendAndWait(new ChangeShippingAddress(orderId, address(2), alice(), 1L));

		assertThat(version).isEqualTo(2);
		assertThat(orderCache.hits()).isEqualTo(hits + 1);
		assertThat(orderCache.misses() + orderCache.outdated()).isEqualTo(loads);
	}

	@Test
	void anOrderAnotherProcessAppendedToIsLoadedAgainNotTakenFromMemory() {
		UUID orderId = placeOrder();
		appendAddressChangeFromAnotherProcess(orderId);
		long outdated = orderCache.outdated();

		// The order in memory is at version 1: taken from there, it would refuse this.
		long version = commands.sendAndWait(new ChangeShippingAddress(orderId, address(2), alice(), 2L));

		assertThat(version).isEqualTo(3);
		assertThat(orderCache.outdated()).isEqualTo(outdated + 1);
	}

	@Test
	void eventsCarryCorrelationCausationAndThePrincipal() {
		SecurityContextHolder.getContext().setAuthentication(new TestingAuthenticationToken("alice", "n/a"));
		MDC.put("correlationId", "request-42");

		UUID orderId = placeOrder();

		String metadata = jdbc
			.sql("select convert_from(meta_data, 'UTF8') from domain_event_entry where aggregate_identifier = ?")
			.param(orderId.toString())
			.query(String.class)
			.single();
		assertThat(metadata).contains("\"correlationId\":\"request-42\"")
			.contains("\"principal\":\"alice\"")
			.containsPattern("\"causationId\":\"[0-9a-f-]{36}\"");
	}

	private UUID placeOrder() {
		UUID orderId = UUID.randomUUID();
		PlaceOrder template = aPlaceOrder();
		commands.sendAndWait(new PlaceOrder(orderId, template.customerId(), template.currency(), template.lines(),
				template.shippingAddress()));
		return orderId;
	}

	/**
	 * What another JVM does when it wins the race: commits the next event of the order
	 * first.
	 */
	private void appendAddressChangeFromAnotherProcess(UUID orderId) {
		String payload = "{\"orderId\":\"" + orderId + "\",\"shippingAddress\":{\"name\":\"Ada\",\"street\":"
				+ "\"Elsewhere 1\",\"city\":\"Paris\",\"postalCode\":\"75001\",\"country\":\"FR\"},"
				+ "\"changedAt\":\"2026-11-22T10:00:00Z\"}";
		try (Connection other = DriverManager.getConnection(dataSource.getJdbcUrl(), dataSource.getUsername(),
				dataSource.getPassword());
				PreparedStatement insert = other.prepareStatement(
						"""
								insert into domain_event_entry (aggregate_identifier, sequence_number, type, event_identifier,
								    meta_data, payload, payload_revision, payload_type, time_stamp)
								select ?, max(sequence_number) + 1, 'Order', ?, convert_to('{}', 'UTF8'), convert_to(?, 'UTF8'), '1',
								    'com.acme.orders.events.order.ShippingAddressChanged', '2026-11-22T10:00:00Z'
								from domain_event_entry where aggregate_identifier = ?
								""")) {
			insert.setString(1, orderId.toString());
			insert.setString(2, UUID.randomUUID().toString());
			insert.setString(3, payload);
			insert.setString(4, orderId.toString());
			insert.executeUpdate();
		}
		catch (java.sql.SQLException ex) {
			throw new IllegalStateException(ex);
		}
	}

	private List<Long> sequenceNumbers(UUID orderId) {
		return jdbc.sql("select sequence_number from domain_event_entry where aggregate_identifier = ? order by 1")
			.param(orderId.toString())
			.query(Long.class)
			.list();
	}

	private Long snapshotSequence(UUID orderId) {
		return jdbc.sql("select max(sequence_number) from snapshot_event_entry where aggregate_identifier = ?")
			.param(orderId.toString())
			.query(Long.class)
			.single();
	}

	private static GenericDomainEventMessage<OrderPlaced> event(String orderId, long sequence) {
		return new GenericDomainEventMessage<>("Order", orderId, sequence, OrderFixtures.anOrderPlaced());
	}

	private static Address address(int street) {
		return new Address("Ada Lovelace", street + " Main St", "London", "N1 9GU", "GB");
	}

}
