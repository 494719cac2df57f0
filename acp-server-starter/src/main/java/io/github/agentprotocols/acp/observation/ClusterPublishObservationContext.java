package io.github.agentprotocols.acp.observation;

import java.util.LinkedHashMap;
import java.util.Map;

import io.micrometer.observation.transport.Kind;
import io.micrometer.observation.transport.SenderContext;

/**
 * What the observation of a cluster message sent records. Its carrier is the trace the
 * message carries: the propagation fields a tracer writes, such as {@code traceparent}.
 */
public class ClusterPublishObservationContext extends SenderContext<Map<String, String>> {

	private final String transport;

	private final String messageType;

	private final String threadId;

	private final String origin;

	/**
	 * Creates the context of a message, with an empty trace.
	 * @param transport the cluster transport, such as {@code postgres}
	 * @param messageType the message's type, such as {@code event}
	 * @param threadId the thread the broadcast concerns
	 * @param origin the id of this instance
	 */
	public ClusterPublishObservationContext(String transport, String messageType, String threadId, String origin) {
		super(Map::put, Kind.PRODUCER);
		setCarrier(new LinkedHashMap<>());
		this.transport = transport;
		this.messageType = messageType;
		this.threadId = threadId;
		this.origin = origin;
	}

	/**
	 * The cluster transport.
	 * @return {@code postgres} or {@code redis}
	 */
	public String getTransport() {
		return this.transport;
	}

	/**
	 * The message's type.
	 * @return {@code event}, {@code thread}, {@code members}, {@code run} or
	 * {@code removed}
	 */
	public String getMessageType() {
		return this.messageType;
	}

	/**
	 * The thread the broadcast concerns.
	 * @return the thread id
	 */
	public String getThreadId() {
		return this.threadId;
	}

	/**
	 * The id of the sending instance.
	 * @return the node id
	 */
	public String getOrigin() {
		return this.origin;
	}

}
