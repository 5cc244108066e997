/**
 * Axon Framework 4 on Spring Boot 4 and PostgreSQL: JDBC stores with snake_case tables,
 * Jackson, retries, metadata.
 */
package com.acme.orders.platform.axon;
