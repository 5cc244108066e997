/**
 * Calling external systems (payment gateways, carriers) without blocking, with timeouts,
 * retries and a breaker.
 */
package com.acme.orders.platform.ports;
