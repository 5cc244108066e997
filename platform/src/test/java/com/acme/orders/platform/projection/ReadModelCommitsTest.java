package com.acme.orders.platform.projection;

import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class ReadModelCommitsTest {

	private final ReadModelCommits commits = new ReadModelCommits();

	private final UUID order = UUID.randomUUID();

	@Test
	void aReaderThatGivesUpLeavesTheOtherReadersOfTheOrderWaitingToBeTold() {
		CompletableFuture<Void> patient = commits.nextCommitOf(order);
		CompletableFuture<Void> impatient = commits.nextCommitOf(order);

		commits.forget(order, impatient);
		commits.committed(List.of(order));

		assertThat(patient).isDone();
	}

	@Test
	void aCommitTellsOnlyTheReadersOfItsKeys() {
		CompletableFuture<Void> reader = commits.nextCommitOf(order);

		commits.committed(List.of(UUID.randomUUID()));

		assertThat(reader).isNotDone();
		commits.committed(List.of(order));
		assertThat(reader).isDone();
	}

	@Test
	void nothingIsKeptForReadersThatWereToldOrGaveUp() {
		CompletableFuture<Void> told = commits.nextCommitOf(order);
		UUID other = UUID.randomUUID();
		CompletableFuture<Void> gaveUp = commits.nextCommitOf(other);

		commits.committed(List.of(order));
		commits.forget(order, told);
		commits.forget(other, gaveUp);

		assertThat(commits.waiting()).isZero();
	}

}
