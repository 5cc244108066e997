package com.acme.orders.benchmarks.micro;

import java.util.UUID;
import java.util.concurrent.TimeUnit;

import com.acme.orders.platform.axon.CommandTargets;
import org.axonframework.commandhandling.CommandMessage;
import org.axonframework.commandhandling.GenericCommandMessage;
import org.axonframework.modelling.command.AnnotationCommandTargetResolver;
import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.axonframework.modelling.command.VersionedAggregateIdentifier;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.State;

/**
 * Finding the aggregate a command is for, as every command on an existing aggregate does:
 * Axon's annotation resolver against the app's {@link CommandTargets}.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
public class CommandPathBenchmark {

	/** Shaped as the address change: the target, an address, the caller, a version. */
	record MoveParcel(@TargetAggregateIdentifier UUID parcelId, String street, String caller, Long expectedVersion) {
	}

	private final CommandMessage<?> command = GenericCommandMessage
		.asCommandMessage(new MoveParcel(UUID.randomUUID(), "12 Side St", "alice", 3L));

	private final AnnotationCommandTargetResolver axonsTargets = AnnotationCommandTargetResolver.builder().build();

	private final CommandTargets commandTargets = new CommandTargets();

	@Benchmark
	public VersionedAggregateIdentifier targetAsAxonFindsIt() {
		return axonsTargets.resolveTarget(command);
	}

	@Benchmark
	public VersionedAggregateIdentifier targetFromCommandTargets() {
		return commandTargets.resolveTarget(command);
	}

}
