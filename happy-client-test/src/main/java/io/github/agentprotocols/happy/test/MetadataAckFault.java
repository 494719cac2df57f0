package io.github.agentprotocols.happy.test;

/**
 * How a {@link FakeHappyServer} answers an {@code update-metadata} it was told to fail
 * (see {@link FakeHappyFaults#metadataAck}); the metadata is never stored.
 */
public enum MetadataAckFault {

	/**
	 * The acknowledgement {@code {"result":"error"}}, as the server answers a write it
	 * refuses.
	 */
	ERROR,

	/**
	 * An acknowledgement that is not an object: the string {@code "malformed"}.
	 */
	MALFORMED,

	/**
	 * No acknowledgement at all, as the server does for an unknown or foreign session:
	 * only the client's ack timeout ends the call.
	 */
	NONE

}
