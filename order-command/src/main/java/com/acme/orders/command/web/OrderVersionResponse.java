package com.acme.orders.command.web;

import java.util.UUID;

/**
 * What a command answers: the order and the version it reached, to use with
 * {@code minVersion} and {@code If-Match}.
 */
record OrderVersionResponse(UUID orderId, long version) {
}
