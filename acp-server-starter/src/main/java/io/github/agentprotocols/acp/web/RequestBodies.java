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

package io.github.agentprotocols.acp.web;

import io.github.agentprotocols.acp.AcpErrorCode;
import io.github.agentprotocols.acp.AcpException;
import io.github.agentprotocols.acp.wire.AcpJson;
import io.github.agentprotocols.acp.wire.StorableJson;
import io.github.agentprotocols.commons.web.LimitedBodyReader;
import io.github.agentprotocols.commons.web.RequestBodyTooLargeException;
import reactor.core.publisher.Mono;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.JsonNodeFactory;

import org.springframework.http.InvalidMediaTypeException;
import org.springframework.http.MediaType;
import org.springframework.web.reactive.function.server.ServerRequest;

/**
 * Reads REST request bodies as JSON objects: a {@code Content-Type} that is not JSON is
 * refused with 415, a body over the size limit with 413, malformed JSON, a body that is
 * not an object, a number that is not finite or a string with a NUL character with 400,
 * all with code {@code invalid_request}. An empty body reads as {@code {}}.
 */
final class RequestBodies {

	private final LimitedBodyReader reader;

	RequestBodies(int maxBytes) {
		this.reader = new LimitedBodyReader(maxBytes);
	}

	Mono<JsonNode> read(ServerRequest request) {
		return Mono.defer(() -> {
			requireJson(request);
			return this.reader.read(request)
				.onErrorMap(RequestBodyTooLargeException.class,
						(ex) -> new AcpException(AcpErrorCode.INVALID_REQUEST, 413, ex.getMessage()))
				.map(RequestBodies::parse);
		});
	}

	private static void requireJson(ServerRequest request) {
		MediaType type;
		try {
			type = request.headers().contentType().orElse(MediaType.APPLICATION_JSON);
		}
		catch (InvalidMediaTypeException ex) {
			throw unsupported();
		}
		if (!MediaType.APPLICATION_JSON.isCompatibleWith(type) && !type.getSubtype().endsWith("+json")) {
			throw unsupported();
		}
	}

	private static AcpException unsupported() {
		return new AcpException(AcpErrorCode.INVALID_REQUEST, 415, "request body must be application/json");
	}

	static JsonNode parse(byte[] bytes) {
		if (bytes.length == 0) {
			return JsonNodeFactory.instance.objectNode();
		}
		JsonNode node;
		try {
			node = AcpJson.mapper().readTree(bytes);
		}
		catch (JacksonException ex) {
			throw AcpException.invalidRequest("malformed JSON");
		}
		if (node == null || node.isMissingNode()) {
			return JsonNodeFactory.instance.objectNode();
		}
		if (!node.isObject()) {
			throw AcpException.invalidRequest("request body must be a JSON object");
		}
		StorableJson.requireStorable(node);
		return node;
	}

}
