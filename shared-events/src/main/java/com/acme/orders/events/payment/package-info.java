/**
 * Events of the payment context: authorizing an order's total and giving it back.
 */
package com.acme.orders.events.payment;
