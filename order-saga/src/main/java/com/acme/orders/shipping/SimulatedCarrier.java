package com.acme.orders.shipping;

import java.io.Serializable;
import java.time.Clock;
import java.time.Duration;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;

import com.acme.orders.events.Address;

/**
 * A simulation of a carrier, for running the backend without a real one. Deterministic:
 * shipments to an unserviceable country fail, shipments to a "lost in transit" postal
 * code fail after dispatch, all others are dispatched after {@code dispatchAfter} and
 * delivered {@code deliverAfter} after the dispatch report has gone through (so the two
 * never race). It reports through {@link CarrierReports}, the same path a real carrier's
 * webhook takes. Like a real carrier it does not forget a parcel when our process dies:
 * its reports wait in a {@link ReportSchedule} that outlives the process.
 */
class SimulatedCarrier implements Carrier {

	private static final String REPORTER = "carrier-simulator";

	private final Settings settings;

	private final ReportSchedule schedule;

	private final CarrierReports reports;

	private final Clock clock;

	SimulatedCarrier(Settings settings, ReportSchedule schedule, CarrierReports reports, Clock clock) {
		this.settings = settings;
		this.schedule = schedule;
		this.reports = reports;
		this.clock = clock;
	}

	@Override
	public CompletableFuture<Void> createShipment(UUID reference, Address address) {
		schedule.plan(reference, firstReport(address), settings.dispatchAfter());
		return CompletableFuture.completedFuture(null);
	}

	@Override
	public CompletableFuture<Void> changeAddress(UUID reference, Address address) {
		return CompletableFuture.completedFuture(null);
	}

	@Override
	public CompletableFuture<Void> cancel(UUID reference) {
		schedule.cancel(reference);
		return CompletableFuture.completedFuture(null);
	}

	/**
	 * Sends a planned report, then plans the one after it. Called by the schedule when
	 * the report is due; if it throws, the schedule tries again later.
	 */
	void report(UUID reference, PlannedReport planned) {
		String tracking = (planned.type() == CarrierReport.Type.DISPATCHED)
				? "SIM-" + reference.toString().substring(0, 8) : null;
		reports.accept(reference, new CarrierReport(planned.type(), tracking, planned.reason(), clock.instant()),
				REPORTER);
		if (planned.then() != null) {
			schedule.plan(reference, planned.then(), settings.deliverAfter());
		}
	}

	private PlannedReport firstReport(Address address) {
		if (settings.unserviceableCountries().contains(address.country())) {
			return new PlannedReport(CarrierReport.Type.FAILED, "country not served", null);
		}
		PlannedReport outcome = settings.lostInTransitPostalCodes().contains(address.postalCode())
				? new PlannedReport(CarrierReport.Type.FAILED, "lost in transit", null)
				: new PlannedReport(CarrierReport.Type.DELIVERED, null, null);
		return new PlannedReport(CarrierReport.Type.DISPATCHED, null, outcome);
	}

	/**
	 * A report the simulated carrier will send, and the one it sends after that.
	 */
	record PlannedReport(CarrierReport.Type type, String reason, PlannedReport then) implements Serializable {
	}

	/**
	 * Where planned reports wait until they are due.
	 */
	interface ReportSchedule {

		/**
		 * Plans {@code report} for the shipment {@code after} from now, unless it is
		 * planned already.
		 */
		void plan(UUID reference, PlannedReport report, Duration after);

		/** Drops whatever is planned for the shipment. */
		void cancel(UUID reference);

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
