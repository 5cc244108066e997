package com.acme.orders.shipping;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;

import com.acme.orders.events.Address;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class SimulatedCarrierTest {

	private static final Address LONDON = new Address("Ada", "1 Main St", "London", "N1 9GU", "GB");

	private final ScheduledExecutorService timer = Executors.newScheduledThreadPool(4);

	private final SlowReports reports = new SlowReports();

	private final TimerSchedule schedule = new TimerSchedule(timer);

	@AfterEach
	void stop() {
		timer.shutdownNow();
	}

	/**
	 * A slow dispatch (a busy command bus) must not let the delivery overtake it: the
	 * shipment would refuse the delivery and the order would never finish.
	 */
	@Test
	void theDeliveryIsReportedOnlyAfterTheDispatchWentThroughEvenWhenTheDispatchIsSlow() {
		SimulatedCarrier carrier = carrier(Duration.ZERO, Set.of());
		List<UUID> shipments = List.of(UUID.randomUUID(), UUID.randomUUID(), UUID.randomUUID(), UUID.randomUUID());

		shipments.forEach(shipment -> carrier.createShipment(shipment, LONDON));

		await().atMost(Duration.ofSeconds(5))
			.untilAsserted(() -> shipments.forEach(shipment -> assertThat(reports.of(shipment))
				.containsExactly("DISPATCHED started", "DISPATCHED done", "DELIVERED started", "DELIVERED done")));
	}

	@Test
	void aParcelLostInTransitIsDispatchedThenFailed() {
		SimulatedCarrier carrier = carrier(Duration.ofMillis(5), Set.of("N1 9GU"));
		UUID shipment = UUID.randomUUID();

		carrier.createShipment(shipment, LONDON);

		await().atMost(Duration.ofSeconds(5))
			.untilAsserted(() -> assertThat(reports.of(shipment)).containsExactly("DISPATCHED started",
					"DISPATCHED done", "FAILED started", "FAILED done"));
	}

	/**
	 * Cancels once the delivery is planned: "DISPATCHED done" is logged before the
	 * carrier plans the delivery, so cancelling on seeing it raced the planning.
	 */
	@Test
	void aCancelledShipmentIsNotReportedAnyFurther() throws Exception {
		SimulatedCarrier carrier = carrier(Duration.ofSeconds(1), Set.of());
		UUID shipment = UUID.randomUUID();
		carrier.createShipment(shipment, LONDON);
		await().atMost(Duration.ofSeconds(5))
			.pollInterval(Duration.ofMillis(10))
			.until(() -> schedule.planned(shipment) == CarrierReport.Type.DELIVERED);

		carrier.cancel(shipment);
		Thread.sleep(1_200);

		assertThat(reports.of(shipment)).containsExactly("DISPATCHED started", "DISPATCHED done");
		assertThat(schedule.planned(shipment)).isNull();
	}

	private SimulatedCarrier carrier(Duration deliverAfter, Set<String> lostInTransit) {
		SimulatedCarrier carrier = new SimulatedCarrier(
				new SimulatedCarrier.Settings(Set.of("XX"), lostInTransit, Duration.ZERO, deliverAfter), schedule,
				reports, Clock.systemUTC());
		schedule.carrier = carrier;
		return carrier;
	}

	/** Planned reports on an in-memory timer; production keeps them in PostgreSQL. */
	private static final class TimerSchedule implements SimulatedCarrier.ReportSchedule {

		private final ScheduledExecutorService timer;

		private final Map<UUID, Planned> planned = new ConcurrentHashMap<>();

		private volatile SimulatedCarrier carrier;

		TimerSchedule(ScheduledExecutorService timer) {
			this.timer = timer;
		}

		@Override
		public void plan(UUID reference, SimulatedCarrier.PlannedReport report, Duration after) {
			planned.put(reference, new Planned(report.type(),
					timer.schedule(() -> carrier.report(reference, report), after.toMillis(), TimeUnit.MILLISECONDS)));
		}

		CarrierReport.Type planned(UUID reference) {
			Planned next = planned.get(reference);
			return (next != null) ? next.type() : null;
		}

		@Override
		public void cancel(UUID reference) {
			Planned next = planned.remove(reference);
			if (next != null) {
				next.report().cancel(false);
			}
		}

		private record Planned(CarrierReport.Type type, ScheduledFuture<?> report) {
		}

	}

	/** Records each report's start and end; a dispatch takes 100 ms, as under load. */
	private static final class SlowReports extends CarrierReports {

		private final Map<UUID, List<String>> seen = new ConcurrentHashMap<>();

		SlowReports() {
			super(null);
		}

		@Override
		public void accept(UUID shipmentId, CarrierReport report, String reportedBy) {
			List<String> log = seen.computeIfAbsent(shipmentId, key -> new CopyOnWriteArrayList<>());
			log.add(report.type() + " started");
			if (report.type() == CarrierReport.Type.DISPATCHED) {
				try {
					Thread.sleep(100);
				}
				catch (InterruptedException ex) {
					Thread.currentThread().interrupt();
				}
			}
			log.add(report.type() + " done");
		}

		List<String> of(UUID shipment) {
			return seen.getOrDefault(shipment, List.of());
		}

	}

}
