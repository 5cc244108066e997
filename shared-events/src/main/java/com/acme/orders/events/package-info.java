/**
 * Value types that events of every context carry: money, addresses and order lines.
 */
package com.acme.orders.events;
