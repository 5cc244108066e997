package com.acme.orders.app;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * Turns a valid request body into a malformed or invalid one, reproducibly from a seed:
 * half the time a value, key or element of the JSON tree is replaced, removed or added,
 * half the time the text itself is cut, spliced or sprinkled with odd characters.
 */
final class JsonMutator {

	private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

	private static final String ODD_CHARACTERS = "{}[]\":,\\ \u0000\u001f\ud800\udc00\u00e9\u2028-+.eE0919";

	private final JsonMapper json = JsonMapper.builder().build();

	private final Random random;

	private final List<JsonNode> oddValues;

	JsonMutator(long seed) {
		this.random = new Random(seed);
		ArrayNode deep = NODES.arrayNode();
		ArrayNode inner = deep;
		for (int i = 0; i < 30; i++) {
			inner = inner.addArray();
		}
		this.oddValues = List.of(NODES.nullNode(), NODES.booleanNode(true), NODES.numberNode(-1), NODES.numberNode(0),
				NODES.numberNode(2.5), NODES.numberNode(Long.MAX_VALUE), NODES.numberNode(new BigDecimal("1E+400")),
				NODES.stringNode(""), NODES.stringNode("x".repeat(300)), NODES.stringNode("1e3"),
				NODES.stringNode("\u0000"), NODES.stringNode("\ud800"), NODES.stringNode("ZZ"),
				NODES.stringNode("12.345"), NODES.stringNode("-5.00"), NODES.arrayNode(), NODES.objectNode(), deep);
	}

	String mutate(String validBody) {
		return random.nextBoolean() ? mutateTree(validBody) : mutateText(validBody);
	}

	private String mutateTree(String validBody) {
		JsonNode root = json.readTree(validBody);
		List<JsonNode> containers = new ArrayList<>();
		collect(root, containers);
		JsonNode target = containers.get(random.nextInt(containers.size()));
		if (target instanceof ObjectNode object) {
			List<String> keys = new ArrayList<>(object.propertyNames());
			String key = keys.isEmpty() ? "name" : keys.get(random.nextInt(keys.size()));
			switch (random.nextInt(3)) {
				case 0 -> object.set(key, odd());
				case 1 -> object.remove(key);
				default -> object.set("unexpected" + random.nextInt(3), odd());
			}
		}
		else if (target instanceof ArrayNode array) {
			if (random.nextBoolean() && !array.isEmpty()) {
				array.set(random.nextInt(array.size()), odd());
			}
			else {
				for (int i = random.nextInt(150); i >= 0; i--) {
					array.add(array.isEmpty() ? odd() : array.get(0).deepCopy());
				}
			}
		}
		return json.writeValueAsString(root);
	}

	private String mutateText(String validBody) {
		StringBuilder text = new StringBuilder(validBody);
		for (int i = 1 + random.nextInt(3); i > 0 && !text.isEmpty(); i--) {
			int at = random.nextInt(text.length());
			switch (random.nextInt(5)) {
				case 0 -> text.deleteCharAt(at);
				case 1 -> text.insert(at, ODD_CHARACTERS.charAt(random.nextInt(ODD_CHARACTERS.length())));
				case 2 -> text.setCharAt(at, ODD_CHARACTERS.charAt(random.nextInt(ODD_CHARACTERS.length())));
				case 3 -> text.setLength(at);
				default -> text.insert(at, text.substring(at, Math.min(text.length(), at + random.nextInt(40))));
			}
		}
		return text.toString();
	}

	private JsonNode odd() {
		return oddValues.get(random.nextInt(oddValues.size())).deepCopy();
	}

	private static void collect(JsonNode node, List<JsonNode> containers) {
		if (node.isContainer()) {
			containers.add(node);
			for (JsonNode child : node) {
				collect(child, containers);
			}
		}
	}

}
