/**
 * Runs the payment and shipping contexts as one service.
 */
package com.acme.orders.saga;
