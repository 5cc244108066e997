/**
 * The order context's write side: the event-sourced {@link com.acme.orders.command.Order}
 * aggregate and its commands.
 */
package com.acme.orders.command;
