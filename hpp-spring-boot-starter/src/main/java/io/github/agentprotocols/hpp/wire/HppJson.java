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

package io.github.agentprotocols.hpp.wire;

import tools.jackson.core.json.JsonReadFeature;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectReader;
import tools.jackson.databind.ObjectWriter;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.core.io.buffer.DataBuffer;
import org.springframework.core.io.buffer.DataBufferFactory;
import org.springframework.core.io.buffer.DataBufferUtils;

/**
 * The starter's one JSON mapper, with what its HTTP bodies, WebSocket frames and Redis
 * documents need to read and write JSON.
 */
public final class HppJson {

	private static final JsonMapper mapper = JsonMapper.builder().build();

	/**
	 * Reads {@code NaN} and {@code Infinity} as numbers, so that request bodies holding
	 * them can be refused by name.
	 */
	private static final ObjectReader lenient = mapper.reader().with(JsonReadFeature.ALLOW_NON_NUMERIC_NUMBERS);

	private static final ObjectWriter treeWriter = mapper.writerFor(JsonNode.class);

	private static final int INITIAL_BUFFER_BYTES = 1024;

	private HppJson() {
	}

	/**
	 * Parses JSON text.
	 * @param text the text
	 * @return the tree
	 * @throws tools.jackson.core.JacksonException if the text is not JSON
	 */
	public static JsonNode read(String text) {
		return mapper.readTree(text);
	}

	/**
	 * Parses a request body, taking {@code NaN} and {@code Infinity} for numbers.
	 * @param bytes the body
	 * @return the tree
	 * @throws tools.jackson.core.JacksonException if the body is not JSON
	 */
	public static JsonNode readBody(byte[] bytes) {
		return lenient.readTree(bytes);
	}

	/**
	 * Writes a tree as JSON text.
	 * @param json the tree
	 * @return the text
	 */
	public static String write(JsonNode json) {
		return mapper.writeValueAsString(json);
	}

	/**
	 * Writes a tree as UTF-8 JSON into a new buffer, with no copy in between.
	 * @param json the tree
	 * @param buffers where the buffer comes from
	 * @return the buffer, which the caller releases
	 */
	public static DataBuffer write(JsonNode json, DataBufferFactory buffers) {
		DataBuffer buffer = buffers.allocateBuffer(INITIAL_BUFFER_BYTES);
		boolean written = false;
		try {
			treeWriter.writeValue(buffer.asOutputStream(), json);
			written = true;
			return buffer;
		}
		finally {
			if (!written) {
				DataBufferUtils.release(buffer);
			}
		}
	}

}
