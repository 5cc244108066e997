/**
 * The order context's read side: the order-summary projection, its PostgreSQL tables and
 * its queries.
 */
package com.acme.orders.query;
