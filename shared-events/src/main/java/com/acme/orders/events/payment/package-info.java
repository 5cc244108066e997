/**
 * Events of the payment context; they arrive with the payment saga.
 */
package com.acme.orders.events.payment;
