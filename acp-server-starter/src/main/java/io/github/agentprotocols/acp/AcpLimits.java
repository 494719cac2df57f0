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

package io.github.agentprotocols.acp;

import org.jspecify.annotations.Nullable;

/**
 * The limits of spec §1.1 that the domain types enforce when they are built. A violation
 * throws an {@link AcpException} with code {@code invalid_request}.
 */
public final class AcpLimits {

	/** Most keys in a thread's tenant scope. */
	public static final int MAX_TENANT_KEYS = 8;

	/** Longest tenant key. */
	public static final int MAX_TENANT_KEY_LENGTH = 64;

	/** Longest tenant value. */
	public static final int MAX_TENANT_VALUE_LENGTH = 256;

	/** Largest {@code metadata} object, in bytes of compact UTF-8 JSON. */
	public static final int MAX_METADATA_BYTES = 64 * 1024;

	/** Most content parts in one message. */
	public static final int MAX_CONTENT_PARTS = 64;

	/** Most assistants in one invocation. */
	public static final int MAX_ASSISTANT_IDS = 16;

	/** Longest idempotency key. */
	public static final int MAX_IDEMPOTENCY_KEY_LENGTH = 255;

	/** Longest client id of an event draft. */
	public static final int MAX_CLIENT_ID_LENGTH = 128;

	/** Longest identity id (W9). */
	public static final int MAX_IDENTITY_ID_LENGTH = 256;

	/** Longest membership role label. */
	public static final int MAX_MEMBER_ROLE_LENGTH = 64;

	private AcpLimits() {
	}

	static void check(boolean condition, String message) {
		if (!condition) {
			throw AcpException.invalidRequest(message);
		}
	}

	static String length(@Nullable String value, int max, String name) {
		check(value != null, name + " is required");
		int characters = value.codePointCount(0, value.length());
		check(characters >= 1 && characters <= max, name + " must have 1-" + max + " characters");
		return value;
	}

	static @Nullable String optionalLength(@Nullable String value, int max, String name) {
		return (value != null) ? length(value, max, name) : null;
	}

}
