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

package io.github.agentprotocols.happy.observation;

import java.util.LinkedHashMap;
import java.util.Map;

import io.micrometer.observation.transport.RequestReplySenderContext;
import org.jspecify.annotations.Nullable;

import org.springframework.http.HttpStatusCode;

/**
 * The context of a REST call to the Happy server. Its carrier collects the headers that
 * tracing propagates (such as {@code traceparent}), which the client adds to the request;
 * its response is the status code, absent when no answer came.
 */
public class RestObservationContext extends RequestReplySenderContext<Map<String, String>, HttpStatusCode> {

	private final String method;

	private final String route;

	private final @Nullable String resourceId;

	/**
	 * Create a context.
	 * @param method the HTTP method
	 * @param route the route template, e.g. {@code /v1/machines/{id}}
	 * @param resourceId the {@code {id}} of the route, or {@code null}
	 */
	public RestObservationContext(String method, String route, @Nullable String resourceId) {
		super((carrier, key, value) -> {
			if (carrier != null) {
				carrier.put(key, value);
			}
		});
		this.method = method;
		this.route = route;
		this.resourceId = resourceId;
		setCarrier(new LinkedHashMap<>());
		setRemoteServiceName("happy");
	}

	/**
	 * The HTTP method.
	 * @return the method
	 */
	public String getMethod() {
		return this.method;
	}

	/**
	 * The route template.
	 * @return the route, e.g. {@code /v1/machines/{id}}
	 */
	public String getRoute() {
		return this.route;
	}

	/**
	 * The {@code {id}} of the route: a session or machine id.
	 * @return the id, or {@code null} when the route has none
	 */
	public @Nullable String getResourceId() {
		return this.resourceId;
	}

}
