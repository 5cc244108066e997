/**
 * Wiring that every service shares and that knows no bounded context.
 */
package com.acme.orders.platform;
