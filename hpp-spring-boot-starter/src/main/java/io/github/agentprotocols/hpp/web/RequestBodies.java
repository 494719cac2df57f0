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

package io.github.agentprotocols.hpp.web;

import io.github.agentprotocols.commons.web.LimitedBodyReader;
import io.github.agentprotocols.commons.web.RequestBodyTooLargeException;
import io.github.agentprotocols.hpp.HandshakeException;
import io.github.agentprotocols.hpp.wire.PythonTruthiness;
import io.github.agentprotocols.hpp.wire.HppJson;
import reactor.core.publisher.Mono;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

import org.springframework.web.reactive.function.server.ServerRequest;

/**
 * Reads request bodies the protocol's way: as JSON whatever the {@code Content-Type}; an
 * empty, unparsable or falsy body counts as {@code {}}; any other non-object is refused
 * with 400, as are {@code NaN} and {@code Infinity}; bodies over the size limit are
 * refused with 413.
 */
final class RequestBodies {

	private final LimitedBodyReader reader;

	RequestBodies(int maxBytes) {
		this.reader = new LimitedBodyReader(maxBytes);
	}

	Mono<ObjectNode> read(ServerRequest request) {
		return this.reader.read(request)
			.onErrorMap(RequestBodyTooLargeException.class,
					(ex) -> new HandshakeException(413, "request body too large"))
			.map(RequestBodies::parse);
	}

	static ObjectNode parse(byte[] bytes) {
		JsonNode node;
		try {
			node = (bytes.length > 0) ? HppJson.readBody(bytes) : null;
		}
		catch (JacksonException ex) {
			node = null;
		}
		if (node == null || !PythonTruthiness.isTruthy(node)) {
			return JsonNodeFactory.instance.objectNode();
		}
		if (!node.isObject()) {
			throw new HandshakeException(400, "request body must be a JSON object");
		}
		if (!isFinite(node)) {
			throw new HandshakeException(400, "NaN and Infinity are not valid JSON numbers");
		}
		return (ObjectNode) node;
	}

	private static boolean isFinite(JsonNode node) {
		if (node.isFloatingPointNumber() && !node.isBigDecimal()) {
			return Double.isFinite(node.doubleValue());
		}
		for (JsonNode child : node.values()) {
			if (!isFinite(child)) {
				return false;
			}
		}
		return true;
	}

}
