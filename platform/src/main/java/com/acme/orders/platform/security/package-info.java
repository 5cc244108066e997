/**
 * Authentication for every API endpoint: JWT resource server, and demo users for the
 * embedded default.
 */
package com.acme.orders.platform.security;
