/**
 * REST endpoints that answer order queries from the read model.
 */
package com.acme.orders.query.web;
