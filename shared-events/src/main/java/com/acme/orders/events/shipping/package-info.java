/**
 * Events of the shipping context: a shipment from request to delivery, failure or
 * cancellation.
 */
package com.acme.orders.events.shipping;
