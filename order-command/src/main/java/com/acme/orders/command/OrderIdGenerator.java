package com.acme.orders.command;

import java.util.UUID;

/**
 * Where new order ids come from; replaced in tests that need known ids.
 */
@FunctionalInterface
public interface OrderIdGenerator {

	UUID next();

}
