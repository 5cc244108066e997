package com.acme.orders.platform.web;

import java.math.BigDecimal;
import java.util.regex.Pattern;

import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
import tools.jackson.core.StreamReadConstraints;
import tools.jackson.core.StreamReadFeature;
import tools.jackson.databind.DeserializationContext;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.cfg.CoercionAction;
import tools.jackson.databind.cfg.CoercionInputShape;
import tools.jackson.databind.deser.std.StdScalarDeserializer;
import tools.jackson.databind.exc.InvalidFormatException;
import tools.jackson.databind.module.SimpleModule;
import tools.jackson.databind.type.LogicalType;

import org.springframework.boot.jackson.autoconfigure.JsonFactoryBuilderCustomizer;
import org.springframework.boot.jackson.autoconfigure.JsonMapperBuilderCustomizer;

/**
 * How strictly request bodies are read: a value means one thing or the request is
 * refused. No unknown fields, no duplicate keys, nothing after the document, no floats or
 * strings where an integer belongs, no exponents in decimals, no control characters or
 * broken Unicode in text, and no nesting deeper than 20.
 */
final class StrictJson {

	static final int DEEPEST_NESTING = 20;

	private static final Pattern PLAIN_DECIMAL = Pattern.compile("-?[0-9]{1,30}(\\.[0-9]{1,30})?");

	private StrictJson() {
	}

	static JsonFactoryBuilderCustomizer factory() {
		return factory -> factory
			.streamReadConstraints(StreamReadConstraints.builder().maxNestingDepth(DEEPEST_NESTING).build());
	}

	static JsonMapperBuilderCustomizer mapper() {
		SimpleModule values = new SimpleModule("strict-values").addDeserializer(String.class, new CleanText())
			.addDeserializer(BigDecimal.class, new PlainDecimal());
		return mapper -> mapper
			.enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES,
					DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES, DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
			.disable(DeserializationFeature.ACCEPT_FLOAT_AS_INT)
			.enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
			.withCoercionConfig(LogicalType.Integer,
					integers -> integers.setCoercion(CoercionInputShape.String, CoercionAction.Fail)
						.setCoercion(CoercionInputShape.Float, CoercionAction.Fail))
			.addModule(values);
	}

	/** Text as a JSON string only, without control characters or unpaired surrogates. */
	static final class CleanText extends StdScalarDeserializer<String> {

		CleanText() {
			super(String.class);
		}

		@Override
		public String deserialize(JsonParser parser, DeserializationContext context) {
			if (!parser.hasToken(JsonToken.VALUE_STRING)) {
				return (String) context.handleUnexpectedToken(String.class, parser);
			}
			String text = parser.getString();
			if (!clean(text)) {
				throw InvalidFormatException.from(parser, "Text with a control character or broken Unicode", text,
						String.class);
			}
			return text;
		}

		static boolean clean(String text) {
			for (int i = 0; i < text.length(); i++) {
				char c = text.charAt(i);
				if ((c < 0x20 && c != '\t' && c != '\n' && c != '\r') || c == 0x7f) {
					return false;
				}
				if (Character.isHighSurrogate(c)) {
					if (i + 1 == text.length() || !Character.isLowSurrogate(text.charAt(i + 1))) {
						return false;
					}
					i++;
				}
				else if (Character.isLowSurrogate(c)) {
					return false;
				}
			}
			return true;
		}

	}

	/**
	 * A decimal as a JSON number or string in plain notation: {@code 12.50}, never
	 * {@code 1.25E1}.
	 */
	static final class PlainDecimal extends StdScalarDeserializer<BigDecimal> {

		PlainDecimal() {
			super(BigDecimal.class);
		}

		@Override
		public BigDecimal deserialize(JsonParser parser, DeserializationContext context) {
			if (!parser.hasToken(JsonToken.VALUE_STRING) && !parser.hasToken(JsonToken.VALUE_NUMBER_INT)
					&& !parser.hasToken(JsonToken.VALUE_NUMBER_FLOAT)) {
				return (BigDecimal) context.handleUnexpectedToken(BigDecimal.class, parser);
			}
			String text = parser.getString();
			if (!PLAIN_DECIMAL.matcher(text).matches()) {
				throw InvalidFormatException.from(parser, "Not a plain decimal", text, BigDecimal.class);
			}
			return new BigDecimal(text);
		}

	}

}
