package com.acme.orders.benchmarks.micro;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.ServiceLoader;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import com.acme.orders.events.Address;
import com.acme.orders.events.Money;
import com.acme.orders.events.OrderLine;
import com.acme.orders.events.order.OrderPlaced;
import com.acme.orders.platform.axon.EventStoreJson;
import org.axonframework.eventhandling.GenericDomainEventEntry;
import org.axonframework.serialization.SerializedObject;
import org.axonframework.serialization.json.JacksonSerializer;
import org.axonframework.serialization.upcasting.event.EventUpcaster;
import org.axonframework.serialization.upcasting.event.EventUpcasterChain;
import org.axonframework.serialization.upcasting.event.InitialEventRepresentation;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.State;

/**
 * What one event costs in JSON, the way the event store writes and reads it: the app's
 * Jackson serializer and the upcasters the event modules ship, in their order. An order
 * placed today against the same order stored by older releases, as revision 1 of
 * {@code OrderPlaced} and as the {@code OrderCreated} it was renamed from.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
public class EventJsonBenchmark {

	private static final String ORDER_PLACED = OrderPlaced.class.getName();

	private static final String REVISION_1 = """
			{"orderId":"6f1c2d3e-0000-4000-8000-000000000001","customerId":"alice",
			 "items":[{"productId":"BOOK-1984","qty":2,"price":12.5}],
			 "totalAmount":25.00,"currency":"EUR","address":"Ada Lovelace, 1 Main St, N1 9GU London, GB"}""";

	private final JacksonSerializer serializer = JacksonSerializer.builder()
		.objectMapper(EventStoreJson.objectMapper())
		.build();

	private final EventUpcasterChain upcasters = new EventUpcasterChain(
			ServiceLoader.load(EventUpcaster.class).stream().map(ServiceLoader.Provider::get).toList());

	final OrderPlaced orderPlaced = new OrderPlaced(UUID.fromString("6f1c2d3e-0000-4000-8000-000000000001"), "alice",
			List.of(new OrderLine("BOOK-1984", 2, new BigDecimal("12.50"))), new Money(new BigDecimal("25.00"), "EUR"),
			new Address("Ada Lovelace", "1 Main St", "London", "N1 9GU", "GB"), Instant.parse("2026-11-22T10:00:00Z"));

	private final SerializedObject<byte[]> today = serializer.serialize(orderPlaced, byte[].class);

	private final byte[] revision1 = REVISION_1.getBytes(StandardCharsets.UTF_8);

	@Benchmark
	public SerializedObject<byte[]> writeOrderPlaced() {
		return serializer.serialize(orderPlaced, byte[].class);
	}

	@Benchmark
	public List<Object> readOrderPlacedOfToday() {
		return read(ORDER_PLACED, today.getType().getRevision(), today.getData());
	}

	@Benchmark
	public List<Object> readOrderPlacedRevision1() {
		return read(ORDER_PLACED, "1", revision1);
	}

	@Benchmark
	public List<Object> readOrderCreatedRevision1() {
		return read("com.acme.orders.events.order.OrderCreated", "1", revision1);
	}

	/** As the event store reads a stored event: through every upcaster, then Jackson. */
	private List<Object> read(String payloadType, String revision, byte[] payload) {
		GenericDomainEventEntry<byte[]> stored = new GenericDomainEventEntry<>("Order",
				"6f1c2d3e-0000-4000-8000-000000000001", 0, "event-1", "2026-11-22T10:00:00Z", payloadType, revision,
				payload, "{}".getBytes(StandardCharsets.UTF_8));
		return upcasters.upcast(Stream.of(new InitialEventRepresentation(stored, serializer)))
			.map(event -> serializer.deserialize(event.getData()))
			.toList();
	}

}
