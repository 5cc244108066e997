/**
 * Events of the shipping context; they arrive with the shipping saga.
 */
package com.acme.orders.events.shipping;
