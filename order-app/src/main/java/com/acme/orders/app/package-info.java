/**
 * The assembly that runs every service of the backend in one process.
 */
package com.acme.orders.app;
