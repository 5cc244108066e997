package com.acme.orders.platform.axon;

/**
 * Metadata keys every command and event carries.
 */
public final class MessageMetadata {

	/**
	 * Identifies the whole conversation: the first request and everything that follows
	 * from it.
	 */
	public static final String CORRELATION_ID = "correlationId";

	/** Identifies the message that directly caused this one. */
	public static final String CAUSATION_ID = "causationId";

	/** The authenticated user on whose behalf the first command was sent. */
	public static final String PRINCIPAL = "principal";

	private MessageMetadata() {
	}

}
