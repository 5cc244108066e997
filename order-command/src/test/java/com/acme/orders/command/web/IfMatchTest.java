package com.acme.orders.command.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class IfMatchTest {

	@Test
	void aQuotedVersionIsTheExpectedVersion() {
		assertThat(IfMatch.expectedVersion("\"12\"")).isEqualTo(12L);
	}

	@Test
	void noHeaderOrAStarMeansAnyVersion() {
		assertThat(IfMatch.expectedVersion(null)).isNull();
		assertThat(IfMatch.expectedVersion("*")).isNull();
	}

	@Test
	void weakUnquotedOrListedTagsAreMalformed() {
		for (String header : new String[] { "W/\"1\"", "1", "\"1\", \"2\"", "\"0\"", "\"abc\"" }) {
			assertThatThrownBy(() -> IfMatch.expectedVersion(header)).as(header)
				.isInstanceOf(IfMatch.MalformedIfMatch.class);
		}
	}

}
