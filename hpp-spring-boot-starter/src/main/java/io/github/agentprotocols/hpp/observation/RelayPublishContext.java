package io.github.agentprotocols.hpp.observation;

import java.util.LinkedHashMap;
import java.util.Map;

import io.micrometer.observation.transport.Kind;
import io.micrometer.observation.transport.SenderContext;

/**
 * What an observation of a message sent through the shared store records. Its carrier is
 * the map of propagation fields (such as {@code traceparent}) that a tracing handler
 * fills and the message carries as {@code trace}.
 */
public class RelayPublishContext extends SenderContext<Map<String, String>> {

	private final String sessionId;

	private final String message;

	/**
	 * Creates a context with an empty carrier.
	 * @param sessionId the session's id
	 * @param message {@code batch} or {@code event}
	 */
	public RelayPublishContext(String sessionId, String message) {
		super((carrier, key, value) -> {
			if (carrier != null) {
				carrier.put(key, value);
			}
		}, Kind.PRODUCER);
		setCarrier(new LinkedHashMap<>());
		setRemoteServiceName("redis");
		this.sessionId = sessionId;
		this.message = message;
	}

	public String getSessionId() {
		return this.sessionId;
	}

	/**
	 * What the message is.
	 * @return {@code batch} or {@code event}
	 */
	public String getMessage() {
		return this.message;
	}

	/**
	 * The propagation fields to send with the message, empty without tracing.
	 * @return the fields
	 */
	public Map<String, String> getFields() {
		Map<String, String> carrier = getCarrier();
		return (carrier != null) ? carrier : Map.of();
	}

}
