package com.acme.orders.query.web;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;

import com.acme.orders.platform.security.Caller;
import com.acme.orders.query.FindOrder;
import com.acme.orders.query.FindOrderAsOf;
import com.acme.orders.query.FindOrderHistory;
import com.acme.orders.query.FindOrders;
import com.acme.orders.query.OrderDetails;
import com.acme.orders.query.OrderHistory;
import com.acme.orders.query.OrderPage;
import com.acme.orders.query.OrderSort;
import com.acme.orders.query.OrderStatus;
import org.axonframework.messaging.responsetypes.ResponseTypes;
import org.axonframework.queryhandling.QueryGateway;

import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * Order queries over HTTP, answered from the read model. A customer sees only their own
 * orders; anyone else's answer 404 as if they did not exist.
 */
@RestController
@RequestMapping("/api/orders")
class OrderQueryController {

	private final QueryGateway queries;

	private final ReadYourWrites readYourWrites;

	OrderQueryController(QueryGateway queries, ReadYourWrites readYourWrites) {
		this.queries = queries;
		this.readYourWrites = readYourWrites;
	}

	@GetMapping("/{orderId}")
	ResponseEntity<OrderDetails> order(@PathVariable UUID orderId,
			@RequestParam(required = false) @Min(1) Long minVersion, @RequestParam(required = false) Instant asOf,
			Caller caller) {
		if (asOf != null) {
			return ResponseEntity.ok(asOf(orderId, asOf, caller));
		}
		Optional<OrderDetails> order = (minVersion == null) ? find(orderId, caller)
				: readYourWrites.awaitVersion(orderId, minVersion, () -> find(orderId, caller));
		OrderDetails found = order.orElseThrow(() -> new OrderNotVisible(orderId));
		return ResponseEntity.ok().eTag("\"" + found.version() + "\"").body(found);
	}

	@GetMapping
	OrderPage orders(@RequestParam(required = false) OrderStatus status,
			@RequestParam(defaultValue = "0") @Min(0) @Max(100_000) int page,
			@RequestParam(defaultValue = "20") @Min(1) @Max(100) int size,
			@RequestParam(defaultValue = "placedAt,desc") String sort, Caller caller) {
		OrderSort order = OrderSort.parse(sort).orElseThrow(() -> new UnsupportedSort(sort));
		return queries.query(new FindOrders(caller, status, order, page, size), OrderPage.class).join();
	}

	@GetMapping("/{orderId}/history")
	List<Map<String, Object>> history(@PathVariable UUID orderId, Caller caller) {
		OrderHistory history = queries
			.query(new FindOrderHistory(orderId, caller), ResponseTypes.optionalInstanceOf(OrderHistory.class))
			.join()
			.orElseThrow(() -> new OrderNotVisible(orderId));
		return history.entries().stream().map(entry -> {
			Map<String, Object> item = new LinkedHashMap<>();
			item.put("version", entry.version());
			item.put("type", entry.type());
			item.put("occurredAt", entry.occurredAt());
			item.putAll(entry.details());
			return item;
		}).toList();
	}

	/**
	 * The order as it was then, folded from its events: its own fields and status, not
	 * the other contexts'.
	 */
	private OrderDetails asOf(UUID orderId, Instant asOf, Caller caller) {
		return queries
			.query(new FindOrderAsOf(orderId, asOf, caller), ResponseTypes.optionalInstanceOf(OrderDetails.class))
			.join()
			.orElseThrow(() -> new OrderNotVisible(orderId));
	}

	private Optional<OrderDetails> find(UUID orderId, Caller caller) {
		return queries.query(new FindOrder(orderId, caller), ResponseTypes.optionalInstanceOf(OrderDetails.class))
			.join();
	}

}
