/**
 * The carrier's webhook: reports of dispatch, delivery and failure.
 */
package com.acme.orders.shipping.web;
