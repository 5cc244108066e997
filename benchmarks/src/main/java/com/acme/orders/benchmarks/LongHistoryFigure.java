package com.acme.orders.benchmarks;

import java.util.Arrays;

/**
 * Figure 6: a command on an order with a long history, which the command side loads from
 * its latest snapshot plus the few events after it, beside the same command on a fresh
 * order. One client takes turns between the two orders, so both see the same machine.
 * <p>
 * The app keeps the orders it used lately in memory, and would take both from there. So
 * before each timed change another customer tries one: refused once the order is loaded
 * (to them it does not exist), which drops the order from memory, as every failed command
 * does. The timed change then loads it from the store, as the first command after a
 * restart would.
 */
final class LongHistoryFigure {

	private final AppUnderLoad app;

	private final String token;

	private final String strangerToken;

	private final HttpConnection http;

	LongHistoryFigure(AppUnderLoad app, Tokens tokens) throws Exception {
		this.app = app;
		this.token = tokens.customer("long-history");
		this.strangerToken = tokens.customer("stranger");
		this.http = app.connect();
	}

	record Outcome(int events, double longHistoryMedianMillis, double freshMedianMillis) {

		double ratio() {
			return longHistoryMedianMillis / freshMedianMillis;
		}

	}

	/**
	 * Gives one order {@code events} address changes, then times {@code samples} each.
	 */
	Outcome run(int events, int samples) throws Exception {
		String longHistory = OrderRequests.placed(http, app, token, OrderRequests.UNPAID_ORDER);
		for (int turn = 0; turn < events; turn++) {
			change(longHistory, turn);
		}
		long[] longLatencies = new long[samples];
		long[] freshLatencies = new long[samples];
		for (int sample = 0; sample < samples; sample++) {
			String fresh = OrderRequests.placed(http, app, token, OrderRequests.UNPAID_ORDER);
			longLatencies[sample] = timed(longHistory, events + sample);
			freshLatencies[sample] = timed(fresh, 0);
		}
		return new Outcome(events, medianMillis(longLatencies), medianMillis(freshLatencies));
	}

	private long timed(String order, int turn) throws Exception {
		http.send(OrderRequests.changeAddress(app, strangerToken, order, turn)).expect(404);
		long start = System.nanoTime();
		change(order, turn);
		return System.nanoTime() - start;
	}

	private void change(String order, int turn) throws Exception {
		http.send(OrderRequests.changeAddress(app, token, order, turn)).expect(200);
	}

	private static double medianMillis(long[] nanos) {
		long[] sorted = nanos.clone();
		Arrays.sort(sorted);
		return sorted[sorted.length / 2] / 1e6;
	}

}
