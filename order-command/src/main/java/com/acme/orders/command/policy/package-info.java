/**
 * The order context reacting to payment and shipping events with commands to its own
 * Order aggregate.
 */
package com.acme.orders.command.policy;
