/**
 * Fault injection: the app and PostgreSQL as separate processes, load over HTTP, a fault,
 * then the invariants over the database.
 */
package com.acme.orders.faults;
