package com.acme.orders.platform.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;

/**
 * {@link HeaderCharacters} gives the verdicts of the regular expressions of Spring
 * Security's {@code StrictHttpFirewall} it stands in for.
 */
class HeaderCharactersTest {

	/** {@code StrictHttpFirewall}'s rule for header and parameter names. */
	private static final Pattern NAME = Pattern.compile("[\\p{IsAssigned}&&[^\\p{IsControl}]]*");

	/** And for header values: the same, with a tab allowed. */
	private static final Pattern VALUE = Pattern.compile("[\\p{IsAssigned}&&[[^\\p{IsControl}]||\\t]]*");

	@Test
	void everyCodePointGetsTheFirewallsVerdict() {
		List<String> disagreements = new ArrayList<>();
		for (int codePoint = 0; codePoint <= Character.MAX_CODE_POINT; codePoint++) {
			String text = "a" + Character.toString(codePoint) + "b";
			if (HeaderCharacters.allowedInName(text) != NAME.matcher(text).matches()
					|| HeaderCharacters.allowedInValue(text) != VALUE.matcher(text).matches()) {
				disagreements.add(Integer.toHexString(codePoint));
			}
		}
		assertThat(disagreements).isEmpty();
	}

	@Test
	void tabsAndControlCharactersAsTheFirewallJudgesThem() {
		List<String> samples = List.of("", "Bearer eyJhbGciOiJSUzI1NiJ9.eyJzdWIiOiJhIn0.c2ln", "text/plain; q=0.5",
				"a\tb", "a\r\nb", "a\u0000b", "a\u007fb", "a\u0085b", "caf\u00e9", "\ud83d\ude00", "a\ud83db", "\ude00",
				"a\u0378b", "\u2028");
		for (String sample : samples) {
			assertThat(HeaderCharacters.allowedInName(sample)).as("name %s", sample)
				.isEqualTo(NAME.matcher(sample).matches());
			assertThat(HeaderCharacters.allowedInValue(sample)).as("value %s", sample)
				.isEqualTo(VALUE.matcher(sample).matches());
		}
		assertThat(HeaderCharacters.allowedInValue("a\tb")).isTrue();
		assertThat(HeaderCharacters.allowedInName("a\tb")).isFalse();
		assertThat(HeaderCharacters.allowedInValue("a\u0085b")).isFalse();
	}

}
