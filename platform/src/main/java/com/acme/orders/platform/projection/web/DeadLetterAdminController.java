package com.acme.orders.platform.projection.web;

import java.util.List;
import java.util.Map;

import com.acme.orders.platform.projection.DeadLetterView;
import com.acme.orders.platform.projection.DeadLetters;

import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * Events a projection could not handle, parked with the rest of their order's events:
 * look at them, retry them once the cause is fixed, or drop them.
 */
@RestController
@RequestMapping("/api/admin/dead-letters")
@PreAuthorize("hasRole('ADMIN')")
public class DeadLetterAdminController {

	private final DeadLetters deadLetters;

	DeadLetterAdminController(DeadLetters deadLetters) {
		this.deadLetters = deadLetters;
	}

	@GetMapping
	List<DeadLetterView> deadLetters() {
		return deadLetters.all();
	}

	/**
	 * Handles the letter's whole sequence again, in order: 200 with whether it worked.
	 */
	@PostMapping("/{id}/retry")
	ResponseEntity<Map<String, Boolean>> retry(@PathVariable String id) {
		return ResponseEntity.of(deadLetters.retry(id).map(handled -> Map.of("handled", handled)));
	}

	@DeleteMapping("/{id}")
	ResponseEntity<Void> delete(@PathVariable String id) {
		return deadLetters.delete(id) ? ResponseEntity.noContent().build() : ResponseEntity.notFound().build();
	}

}
