/**
 * Projections that can be rebuilt from the event store without read downtime: two slots
 * of tables per projection, one answering queries while the other is refilled, switched
 * in one transaction.
 */
package com.acme.orders.platform.projection;
