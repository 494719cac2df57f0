package io.github.agentprotocols.lime.observation;

import java.util.LinkedHashMap;
import java.util.Map;

import io.micrometer.observation.transport.Kind;
import io.micrometer.observation.transport.SenderContext;

/**
 * The context of publishing a login outcome to every instance: its carrier collects the
 * propagation fields (such as {@code traceparent}) that the message carries.
 */
public class LimeBroadcastObservationContext extends SenderContext<Map<String, String>> {

	private final String type;

	private final String requestId;

	/**
	 * Create a context.
	 * @param type the outcome's type, {@code approved} or {@code expired}
	 * @param requestId the login request id
	 */
	public LimeBroadcastObservationContext(String type, String requestId) {
		super((carrier, key, value) -> {
			if (carrier != null) {
				carrier.put(key, value);
			}
		}, Kind.PRODUCER);
		this.type = type;
		this.requestId = requestId;
		setCarrier(new LinkedHashMap<>());
	}

	/**
	 * Return the outcome's type.
	 * @return {@code approved} or {@code expired}
	 */
	public String getType() {
		return this.type;
	}

	/**
	 * Return the login request id.
	 * @return the request id
	 */
	public String getRequestId() {
		return this.requestId;
	}

}
