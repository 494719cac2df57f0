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

package io.github.agentprotocols.commons.web;

import java.util.OptionalLong;

import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import org.springframework.core.io.buffer.DataBuffer;
import org.springframework.core.io.buffer.DataBufferLimitException;
import org.springframework.core.io.buffer.DataBufferUtils;
import org.springframework.http.server.reactive.ServerHttpRequest;
import org.springframework.util.Assert;
import org.springframework.web.reactive.function.BodyExtractors;
import org.springframework.web.reactive.function.server.ServerRequest;

/**
 * Reads a WebFlux request body into memory, up to a size limit, for a protocol's own JSON
 * reader. A body over the limit, or a {@code Content-Length} that announces one, fails
 * with {@link RequestBodyTooLargeException} carrying the limit; no more than the limit is
 * ever buffered.
 */
public final class LimitedBodyReader {

	private static final byte[] NO_BYTES = {};

	private final int maxBytes;

	/**
	 * A reader.
	 * @param maxBytes the largest accepted body, in bytes
	 */
	public LimitedBodyReader(int maxBytes) {
		Assert.isTrue(maxBytes >= 0, "'maxBytes' must not be negative");
		this.maxBytes = maxBytes;
	}

	/**
	 * The largest accepted body.
	 * @return the limit in bytes
	 */
	public int getMaxBytes() {
		return this.maxBytes;
	}

	/**
	 * Reads the body of a functional-endpoint request.
	 * @param request the request
	 * @return the body's bytes, empty for a request without a body
	 */
	public Mono<byte[]> read(ServerRequest request) {
		return read(request.headers().contentLength(), request.body(BodyExtractors.toDataBuffers()));
	}

	/**
	 * Reads the body of a request.
	 * @param request the request
	 * @return the body's bytes, empty for a request without a body
	 */
	public Mono<byte[]> read(ServerHttpRequest request) {
		long declared = request.getHeaders().getContentLength();
		return read((declared >= 0) ? OptionalLong.of(declared) : OptionalLong.empty(), request.getBody());
	}

	private Mono<byte[]> read(OptionalLong declared, Flux<DataBuffer> body) {
		if (declared.orElse(0) > this.maxBytes) {
			return Mono.error(new RequestBodyTooLargeException(this.maxBytes, null));
		}
		return DataBufferUtils.join(body, this.maxBytes)
			.map(LimitedBodyReader::bytes)
			.defaultIfEmpty(NO_BYTES)
			.onErrorMap(DataBufferLimitException.class, (ex) -> new RequestBodyTooLargeException(this.maxBytes, ex));
	}

	private static byte[] bytes(DataBuffer buffer) {
		try {
			byte[] bytes = new byte[buffer.readableByteCount()];
			buffer.read(bytes);
			return bytes;
		}
		finally {
			DataBufferUtils.release(buffer);
		}
	}

}
