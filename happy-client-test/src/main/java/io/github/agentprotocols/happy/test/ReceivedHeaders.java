package io.github.agentprotocols.happy.test;

import java.util.Locale;
import java.util.Map;

import org.jspecify.annotations.Nullable;

/**
 * The headers of an HTTP request a {@link FakeHappyServer} received, to check what a
 * client sent besides the request itself (such as the {@code traceparent} of a trace).
 *
 * @param request the request
 * @param headers the headers by lower-case name, the first value of each
 */
public record ReceivedHeaders(ReceivedRequest request, Map<String, String> headers) {

	public ReceivedHeaders {
		headers = Map.copyOf(headers);
	}

	/**
	 * One header.
	 * @param name its name, in any case
	 * @return its first value, or {@code null} when the request had none
	 */
	public @Nullable String header(String name) {
		return this.headers.get(name.toLowerCase(Locale.ROOT));
	}

}
