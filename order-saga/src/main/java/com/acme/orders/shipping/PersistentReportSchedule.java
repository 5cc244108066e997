package com.acme.orders.shipping;

import java.time.Clock;
import java.time.Duration;
import java.util.UUID;
import java.util.function.Supplier;

import com.github.kagkarlsson.scheduler.SchedulerClient;
import com.github.kagkarlsson.scheduler.task.FailureHandler;
import com.github.kagkarlsson.scheduler.task.TaskInstance;
import com.github.kagkarlsson.scheduler.task.TaskInstanceId;
import com.github.kagkarlsson.scheduler.task.helper.OneTimeTask;
import com.github.kagkarlsson.scheduler.task.helper.Tasks;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The simulated carrier's planned reports as db-scheduler tasks in PostgreSQL, so that a
 * parcel is still reported on after our process was killed, as a real carrier would. A
 * report that cannot be sent (the database restarting, say) is tried again every second.
 */
class PersistentReportSchedule implements SimulatedCarrier.ReportSchedule {

	static final String TASK = "simulated-carrier-report";

	private static final Logger log = LoggerFactory.getLogger(PersistentReportSchedule.class);

	private static final Duration RETRY_AFTER = Duration.ofSeconds(1);

	private final Supplier<SchedulerClient> scheduler;

	private final Clock clock;

	PersistentReportSchedule(Supplier<SchedulerClient> scheduler, Clock clock) {
		this.scheduler = scheduler;
		this.clock = clock;
	}

	/** The task that sends a due report through {@code carrier}. */
	static OneTimeTask<SimulatedCarrier.PlannedReport> task(Supplier<SimulatedCarrier> carrier) {
		return Tasks.oneTime(TASK, SimulatedCarrier.PlannedReport.class)
			.onFailure(new FailureHandler.OnFailureRetryLater<>(RETRY_AFTER))
			.execute((instance, context) -> carrier.get()
				.report(UUID.fromString(instance.getId().substring(0, 36)), instance.getData()));
	}

	@Override
	public void plan(UUID reference, SimulatedCarrier.PlannedReport report, Duration after) {
		scheduler.get()
			.scheduleIfNotExists(new TaskInstance<>(TASK, instanceId(reference, report.type()), report),
					clock.instant().plus(after));
	}

	@Override
	public void cancel(UUID reference) {
		for (CarrierReport.Type type : CarrierReport.Type.values()) {
			TaskInstanceId id = TaskInstanceId.of(TASK, instanceId(reference, type));
			try {
				if (scheduler.get().getScheduledExecution(id).isPresent()) {
					scheduler.get().cancel(id);
				}
			}
			catch (RuntimeException ex) {
				// Already sent or being sent: the shipment ignores reports once
				// cancelled.
				log.debug("Simulated carrier report {} not cancelled: {}", id, ex.toString());
			}
		}
	}

	private static String instanceId(UUID reference, CarrierReport.Type type) {
		return reference + "/" + type;
	}

}
