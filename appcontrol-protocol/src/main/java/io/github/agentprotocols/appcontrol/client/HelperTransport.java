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
