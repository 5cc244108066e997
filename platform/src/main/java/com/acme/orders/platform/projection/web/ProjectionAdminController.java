package com.acme.orders.platform.projection.web;

import java.net.URI;
import java.util.List;
import java.util.UUID;

import com.acme.orders.platform.projection.ProjectionReplays;
import com.acme.orders.platform.projection.ProjectionStatus;
import com.acme.orders.platform.projection.Replay;
import com.acme.orders.platform.projection.ReplayAlreadyRunning;
import com.acme.orders.platform.projection.ReplayProgress;
import com.acme.orders.platform.projection.UnknownProjection;
import com.acme.orders.platform.security.Caller;
import com.acme.orders.platform.web.ProblemTypes;

import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.util.UriComponentsBuilder;

/**
 * Operators' view of the rebuildable projections: where each stands, and replays that
 * rebuild one while it keeps answering queries.
 */
@RestController
@RequestMapping("/api/admin/projections")
@PreAuthorize("hasRole('ADMIN')")
public class ProjectionAdminController {

	private final ProjectionReplays replays;

	ProjectionAdminController(ProjectionReplays replays) {
		this.replays = replays;
	}

	@GetMapping
	List<ProjectionStatus> projections() {
		return replays.statuses();
	}

	@GetMapping("/{name}")
	ProjectionStatus projection(@PathVariable String name) {
		return replays.status(name);
	}

	/** Starts a replay; its progress is at the returned {@code Location}. */
	@PostMapping("/{name}/replay")
	ResponseEntity<ReplayProgress> replay(@PathVariable String name, Caller caller) {
		Replay replay = replays.start(name, caller.name());
		URI location = UriComponentsBuilder.fromPath("/api/admin/projections/{name}/replays/{id}")
			.buildAndExpand(name, replay.id())
			.toUri();
		ReplayProgress progress = replays.replay(name, replay.id()).orElseThrow();
		return ResponseEntity.accepted().location(location).body(progress);
	}

	@GetMapping("/{name}/replays/{replayId}")
	ResponseEntity<ReplayProgress> replay(@PathVariable String name, @PathVariable UUID replayId) {
		return ResponseEntity.of(replays.replay(name, replayId));
	}

	/** Gives up a running replay; the active slot keeps answering as before. */
	@DeleteMapping("/{name}/replays/{replayId}")
	ResponseEntity<ReplayProgress> cancel(@PathVariable String name, @PathVariable UUID replayId, Caller caller) {
		return ResponseEntity.of(replays.cancel(name, replayId, caller.name()));
	}

	@ExceptionHandler(UnknownProjection.class)
	ResponseEntity<ProblemDetail> unknown(UnknownProjection ex) {
		return problem(HttpStatus.NOT_FOUND, "projection-not-found", "Projection not found", ex.getMessage());
	}

	@ExceptionHandler(ReplayAlreadyRunning.class)
	ResponseEntity<ProblemDetail> alreadyRunning(ReplayAlreadyRunning ex) {
		return problem(HttpStatus.CONFLICT, "replay-already-running", "Replay already running", ex.getMessage());
	}

	private static ResponseEntity<ProblemDetail> problem(HttpStatus status, String type, String title, String detail) {
		ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
		problem.setType(ProblemTypes.uri(type));
		problem.setTitle(title);
		return ResponseEntity.status(status).body(problem);
	}

}
