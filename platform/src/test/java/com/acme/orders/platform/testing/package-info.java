/**
 * Test support shared by every module: a real PostgreSQL per test JVM and a fresh
 * database per Spring test context.
 */
package com.acme.orders.platform.testing;
