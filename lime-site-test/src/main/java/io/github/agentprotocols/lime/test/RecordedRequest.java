package io.github.agentprotocols.lime.test;

import java.util.Locale;
import java.util.Map;

import org.jspecify.annotations.Nullable;

/**
 * One HTTP request the {@link FakeLimeApi} received.
 *
 * @param endpoint the endpoint it was routed to
 * @param method the HTTP method
 * @param path the path, without the query string
 * @param headers the headers, names in lower case (the last value of a repeated header)
 * @param body the request body as text, empty when there was none
 */
public record RecordedRequest(Endpoint endpoint, String method, String path, Map<String, String> headers, String body) {

	/**
	 * The value of a header.
	 * @param name the header name, in any case
	 * @return the value, or {@code null} if the request did not carry it
	 */
	public @Nullable String header(String name) {
		return this.headers.get(name.toLowerCase(Locale.ROOT));
	}

}
