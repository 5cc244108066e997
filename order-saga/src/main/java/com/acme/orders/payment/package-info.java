/**
 * The payment context: authorizes and refunds order payments through the payment gateway
 * port.
 */
package com.acme.orders.payment;
