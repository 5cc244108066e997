/**
 * HTTP concerns every service shares: RFC 9457 problem details and correlation ids.
 */
package com.acme.orders.platform.web;
