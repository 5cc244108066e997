package com.acme.orders.shipping;

import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

import com.acme.orders.events.Address;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A simulation of a carrier, for running the backend without a real one. Deterministic:
 * shipments to an unserviceable country fail, shipments to a "lost in transit" postal
 * code fail after dispatch, all others are dispatched after {@code dispatchAfter} and
 * delivered {@code deliverAfter} after the dispatch report has gone through (so the two
 * never race). It reports through {@link CarrierReports}, the same path a real carrier's
 * webhook takes. Its timers live in memory: shipments it had in flight when the process
 * stopped are not reported any more.
 */
class SimulatedCarrier implements Carrier {

	private static final Logger log = LoggerFactory.getLogger(SimulatedCarrier.class);

	private static final String REPORTER = "carrier-simulator";

	private final Settings settings;

	private final ScheduledExecutorService timer;

	private final CarrierReports reports;

	private final Clock clock;

	/**
	 * Each shipment's next report; a shipment is reported on one step at a time, in
	 * order.
	 */
	private final Map<UUID, ScheduledFuture<?>> inFlight = new ConcurrentHashMap<>();

	SimulatedCarrier(Settings settings, ScheduledExecutorService timer, CarrierReports reports, Clock clock) {
		this.settings = settings;
		this.timer = timer;
		this.reports = reports;
		this.clock = clock;
	}

	@Override
	public CompletableFuture<Void> createShipment(UUID reference, Address address) {
		inFlight.computeIfAbsent(reference, key -> plan(key, address));
		return CompletableFuture.completedFuture(null);
	}

	@Override
	public CompletableFuture<Void> changeAddress(UUID reference, Address address) {
		return CompletableFuture.completedFuture(null);
	}

	@Override
	public CompletableFuture<Void> cancel(UUID reference) {
		ScheduledFuture<?> planned = inFlight.remove(reference);
		if (planned != null) {
			planned.cancel(false);
		}
		return CompletableFuture.completedFuture(null);
	}

	/**
	 * The first report; the outcome is planned only once the dispatch has gone through.
	 */
	private ScheduledFuture<?> plan(UUID reference, Address address) {
		if (settings.unserviceableCountries().contains(address.country())) {
			return report(reference, settings.dispatchAfter(), CarrierReport.Type.FAILED, "country not served", null);
		}
		boolean lost = settings.lostInTransitPostalCodes().contains(address.postalCode());
		Supplier<ScheduledFuture<?>> outcome = () -> report(reference, settings.deliverAfter(),
				lost ? CarrierReport.Type.FAILED : CarrierReport.Type.DELIVERED, lost ? "lost in transit" : null, null);
		return report(reference, settings.dispatchAfter(), CarrierReport.Type.DISPATCHED, null, outcome);
	}

	private ScheduledFuture<?> report(UUID reference, Duration after, CarrierReport.Type type, String reason,
			Supplier<ScheduledFuture<?>> next) {
		return timer.schedule(() -> {
			try {
				String tracking = (type == CarrierReport.Type.DISPATCHED)
						? "SIM-" + reference.toString().substring(0, 8) : null;
				reports.accept(reference, new CarrierReport(type, tracking, reason, clock.instant()), REPORTER);
				if (next == null) {
					inFlight.remove(reference);
				}
				else {
					inFlight.computeIfPresent(reference, (key, done) -> next.get());
				}
			}
			catch (RuntimeException ex) {
				inFlight.remove(reference);
				log.warn("Simulated carrier could not report {} for shipment {}", type, reference, ex);
			}
		}, after.toMillis(), TimeUnit.MILLISECONDS);
	}

	/**
	 * @param unserviceableCountries shipments to these countries fail before dispatch
	 * @param lostInTransitPostalCodes shipments to these postal codes are dispatched,
	 * then fail
	 * @param dispatchAfter time from creation to dispatch
	 * @param deliverAfter time from dispatch to delivery
	 */
	record Settings(Set<String> unserviceableCountries, Set<String> lostInTransitPostalCodes, Duration dispatchAfter,
			Duration deliverAfter) {
	}

}
