/**
 * Benchmarks that measure the backend against the ceiling of the PostgreSQL it runs on,
 * in the same run, and print their figures: commands over HTTP and projection replays.
 */
package com.acme.orders.benchmarks;
