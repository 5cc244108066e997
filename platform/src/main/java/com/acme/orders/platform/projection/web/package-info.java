/**
 * The admin API of rebuildable projections: status, and replays to follow.
 */
package com.acme.orders.platform.projection.web;
