package com.acme.orders.platform.ids;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashSet;
import java.util.Set;
import java.util.UUID;

import org.axonframework.common.IdentifierFactory;
import org.junit.jupiter.api.Test;

class RandomUuidsTest {

	@Test
	void theyAreVersionFourUuidsAndDoNotRepeat() {
		Set<UUID> seen = new HashSet<>();
		for (int i = 0; i < 100_000; i++) {
			UUID id = RandomUuids.next();
			assertThat(id.version()).isEqualTo(4);
			assertThat(id.variant()).isEqualTo(2);
			seen.add(id);
		}
		assertThat(seen).hasSize(100_000);
	}

	@Test
	void axonFindsTheFactory() {
		assertThat(IdentifierFactory.getInstance()).isInstanceOf(RandomUuidIdentifierFactory.class);
		assertThat(UUID.fromString(IdentifierFactory.getInstance().generateIdentifier()).version()).isEqualTo(4);
	}

}
