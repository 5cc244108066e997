/**
 * The order events' history: upcasters that read every shape an order event was ever
 * stored in as today's shape.
 */
package com.acme.orders.events.order.history;
