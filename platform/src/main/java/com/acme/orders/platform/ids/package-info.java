/**
 * Random identifiers without a lock shared by every thread.
 */
package com.acme.orders.platform.ids;
