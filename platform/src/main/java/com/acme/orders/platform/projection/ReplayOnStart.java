package com.acme.orders.platform.projection;

import java.util.List;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;

/**
 * The operator's way without HTTP: starting the query service with
 * {@code --orders.projections.replay-on-start=order-summary} rebuilds that projection
 * while the service runs, exactly as {@code POST /api/admin/projections/{name}/replay}
 * does. A replay that is already running is left to finish.
 */
class ReplayOnStart implements ApplicationRunner {

	private static final Logger log = LoggerFactory.getLogger(ReplayOnStart.class);

	static final String REQUESTED_BY = "command line";

	private final ProjectionReplays replays;

	private final List<String> projections;

	ReplayOnStart(ProjectionReplays replays, List<String> projections) {
		this.replays = replays;
		this.projections = projections;
	}

	@Override
	public void run(ApplicationArguments arguments) {
		for (String projection : projections) {
			try {
				Replay replay = replays.start(projection, REQUESTED_BY);
				log.info(
						"Replay {} of {} requested on the command line; follow it at "
								+ "GET /api/admin/projections/{}/replays/{} or in this log",
						replay.id(), projection, projection, replay.id());
			}
			catch (ReplayAlreadyRunning ex) {
				log.info("{}; not starting another one", ex.getMessage());
			}
		}
	}

}
