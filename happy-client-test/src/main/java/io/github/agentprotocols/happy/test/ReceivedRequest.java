package io.github.agentprotocols.happy.test;

import java.util.Map;

/**
 * An HTTP request a {@link FakeHappyServer} received: a REST call, or the handshake of a
 * Socket.IO connection (path {@code /v1/updates/}).
 *
 * @param method the HTTP method
 * @param path the path, without the query
 * @param query the query parameters, the first value of each
 */
public record ReceivedRequest(String method, String path, Map<String, String> query) {

	public ReceivedRequest {
		query = Map.copyOf(query);
	}

	@Override
	public String toString() {
		return this.method + " " + this.path + (this.query.isEmpty() ? "" : " " + this.query);
	}

}
