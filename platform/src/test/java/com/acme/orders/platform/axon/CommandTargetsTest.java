package com.acme.orders.platform.axon;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import java.util.List;
import java.util.UUID;

import org.axonframework.commandhandling.CommandMessage;
import org.axonframework.commandhandling.GenericCommandMessage;
import org.axonframework.modelling.command.AnnotationCommandTargetResolver;
import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.axonframework.modelling.command.TargetAggregateVersion;
import org.axonframework.modelling.command.VersionedAggregateIdentifier;
import org.junit.jupiter.api.Test;

/**
 * Finds a command's aggregate as Axon's annotation resolver does, for every shape of
 * command it supports, while looking for the annotations only once per class.
 */
class CommandTargetsTest {

	private final CommandTargets targets = new CommandTargets();

	private final AnnotationCommandTargetResolver axons = AnnotationCommandTargetResolver.builder().build();

	record ChangeThing(@TargetAggregateIdentifier UUID thingId, String what, @TargetAggregateVersion Long version) {
	}

	static class Base {

		@TargetAggregateIdentifier
		private final String id;

		Base(String id) {
			this.id = id;
		}

	}

	static class FieldInSuperclass extends Base {

		@TargetAggregateVersion
		private final String version;

		FieldInSuperclass(String id, String version) {
			super(id);
			this.version = version;
		}

	}

	@Retention(RetentionPolicy.RUNTIME)
	@Target({ ElementType.METHOD, ElementType.FIELD })
	@TargetAggregateIdentifier
	@interface ThingId {

	}

	static class MetaAnnotatedMethod {

		private final int number;

		MetaAnnotatedMethod(int number) {
			this.number = number;
		}

		@ThingId
		String target() {
			return "thing-" + number;
		}

	}

	record NoTarget(UUID thingId) {
	}

	record BadVersion(@TargetAggregateIdentifier String id, @TargetAggregateVersion String version) {
	}

	@Test
	void findsWhatAxonsResolverFindsForEveryShapeOfCommand() {
		UUID thing = UUID.randomUUID();
		List<Object> commands = List.of(new ChangeThing(thing, "paint", 3L), new ChangeThing(thing, "paint", null),
				new FieldInSuperclass("base-1", "12"), new FieldInSuperclass("base-2", null),
				new MetaAnnotatedMethod(7));

		for (Object command : commands) {
			assertThat(targets.resolveTarget(message(command))).as("%s", command)
				.isEqualTo(axons.resolveTarget(message(command)));
		}
		assertThat(targets.resolveTarget(message(new ChangeThing(thing, "paint", 3L))))
			.isEqualTo(new VersionedAggregateIdentifier(thing, 3L));
		assertThat(targets.resolveTarget(message(new FieldInSuperclass("base-1", "12"))))
			.isEqualTo(new VersionedAggregateIdentifier("base-1", 12L));
	}

	@Test
	void readsEachCommandsOwnValuesThoughTheMembersAreFoundOncePerClass() {
		for (int number = 0; number < 3; number++) {
			assertThat(targets.resolveTarget(message(new MetaAnnotatedMethod(number))).getIdentifier())
				.isEqualTo("thing-" + number);
		}
	}

	@Test
	void refusesACommandWithoutATargetLikeAxon() {
		assertThatThrownBy(() -> targets.resolveTarget(message(new NoTarget(UUID.randomUUID()))))
			.isInstanceOf(IllegalArgumentException.class)
			.hasMessageContaining("NoTarget");
		assertThatThrownBy(() -> targets.resolveTarget(message(new ChangeThing(null, "paint", 1L))))
			.isInstanceOf(IllegalArgumentException.class)
			.hasMessageContaining("ChangeThing");
		assertThatThrownBy(() -> axons.resolveTarget(message(new ChangeThing(null, "paint", 1L))))
			.isInstanceOf(IllegalArgumentException.class);
	}

	@Test
	void refusesAVersionThatIsNotANumber() {
		assertThatThrownBy(() -> targets.resolveTarget(message(new BadVersion("a", "seven"))))
			.isInstanceOf(IllegalArgumentException.class)
			.hasMessageContaining("seven");
		assertThatThrownBy(() -> axons.resolveTarget(message(new BadVersion("a", "seven"))))
			.isInstanceOf(IllegalArgumentException.class);
	}

	private static CommandMessage<?> message(Object payload) {
		return GenericCommandMessage.asCommandMessage(payload);
	}

}
