/**
 * Test support shared by every module: a real PostgreSQL per test JVM, a fresh database
 * per Spring test context, and bearer tokens signed as an issuer signs them.
 */
package com.acme.orders.platform.testing;
