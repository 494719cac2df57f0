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

import org.jspecify.annotations.Nullable;

import org.springframework.web.server.ContentTooLargeException;

/**
 * A request body above the size a protocol accepts. Each protocol maps it to its own
 * error shape; left unmapped, WebFlux answers it with 413.
 */
public class RequestBodyTooLargeException extends ContentTooLargeException {

	/** The largest body accepted, in bytes. */
	private final int maxBytes;

	/**
	 * An exception for a body over {@code maxBytes}.
	 * @param maxBytes the largest accepted body, in bytes
	 * @param cause what detected the excess, or null
	 */
	public RequestBodyTooLargeException(int maxBytes, @Nullable Throwable cause) {
		super(cause);
		this.maxBytes = maxBytes;
	}

	/**
	 * The largest accepted body.
	 * @return the limit in bytes
	 */
	public int getMaxBytes() {
		return this.maxBytes;
	}

	@Override
	public String getMessage() {
		return "request body exceeds " + this.maxBytes + " bytes";
	}

}
