/**
 * The shipping context: creates, changes and cancels shipments through the carrier port.
 */
package com.acme.orders.shipping;
