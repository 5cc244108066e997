/**
 * {@code Idempotency-Key} on commands (draft-ietf-httpapi-idempotency-key-header): a
 * retried command gets the first answer again and changes nothing. The filter checks for
 * an earlier answer; a command handler interceptor takes the key's lock and records the
 * answer in the command's own transaction.
 */
package com.acme.orders.platform.idempotency;
