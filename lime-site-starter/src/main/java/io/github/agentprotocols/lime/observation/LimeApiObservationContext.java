/*
 * Copyright 2026-present the original author or authors.
 *
 * Licensed under the Apache License, Version 2.0 (the "License");
 * you may not use this file except in compliance with the License.
 * You may obtain a copy of the License at
 *
 *      https://www.apache.org/licenses/LICENSE-2.0
 *
 * Unless required by applicable law or agreed to in writing, software
 * distributed under the License is distributed on an "AS IS" BASIS,
 * WITHOUT WARRANTIES OR CONDITIONS OF ANY KIND, either express or implied.
 * See the License for the specific language governing permissions and
 * limitations under the License.
 */

package io.github.agentprotocols.lime.observation;

import java.net.URI;

import io.micrometer.observation.transport.RequestReplySenderContext;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatusCode;

/**
 * The context of one call to the LIME API, retries included: an outbound request whose
 * carrier collects the propagation headers (such as {@code traceparent}) that every
 * attempt sends; the response is the HTTP status of the last attempt, if one answered.
 */
public class LimeApiObservationContext extends RequestReplySenderContext<HttpHeaders, HttpStatusCode> {

	private final LimeApiOperation operation;

	private final HttpMethod method;

	private final URI uri;

	private int attempts;

	/**
	 * Create a context.
	 * @param operation the call
	 * @param method its HTTP method
	 * @param uri its URL
	 */
	public LimeApiObservationContext(LimeApiOperation operation, HttpMethod method, URI uri) {
		super((headers, name, value) -> {
			if (headers != null) {
				headers.set(name, value);
			}
		});
		this.operation = operation;
		this.method = method;
		this.uri = uri;
		setCarrier(new HttpHeaders());
		setRemoteServiceAddress(uri.getScheme() + "://" + uri.getAuthority());
	}

	/**
	 * Return the call.
	 * @return the operation
	 */
	public LimeApiOperation getOperation() {
		return this.operation;
	}

	/**
	 * Return the HTTP method.
	 * @return the method
	 */
	public HttpMethod getMethod() {
		return this.method;
	}

	/**
	 * Return the URL called.
	 * @return the URL
	 */
	public URI getUri() {
		return this.uri;
	}

	/**
	 * Return how many attempts were sent so far.
	 * @return the attempts
	 */
	public int getAttempts() {
		return this.attempts;
	}

	/**
	 * Count an attempt.
	 */
	public void attempted() {
		this.attempts++;
	}

}
