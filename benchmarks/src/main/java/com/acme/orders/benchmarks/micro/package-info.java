/**
 * JMH micro-benchmarks of single steps the event store repeats for every event: writing
 * and reading its JSON, through the upcasters for historic shapes.
 */
package com.acme.orders.benchmarks.micro;
