/**
 * REST endpoints that turn HTTP requests into order commands.
 */
package com.acme.orders.command.web;
