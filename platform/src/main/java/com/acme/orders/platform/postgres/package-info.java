/**
 * The embedded PostgreSQL that the backend starts when no database is configured.
 */
package com.acme.orders.platform.postgres;
