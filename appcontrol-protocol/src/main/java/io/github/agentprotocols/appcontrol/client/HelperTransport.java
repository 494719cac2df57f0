package io.github.agentprotocols.appcontrol.client;

import java.util.Map;

import io.github.agentprotocols.appcontrol.HelperRequest;

/**
 * One round trip to a desktop helper process: one {@code helper.request.v1} out, one
 * reply object in.
 */
@FunctionalInterface
public interface HelperTransport {

	/**
	 * Sends a request and returns the helper's reply object.
	 * @param request the request
	 * @return the reply, a {@code helper.response.v1} object or a legacy reply
	 * @throws AppControlTransportException if the helper cannot be reached
	 */
	Map<String, ?> exchange(HelperRequest request);

}
