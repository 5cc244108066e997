/**
 * Events of the order context: what happened to an order, in the past tense.
 */
package com.acme.orders.events.order;
