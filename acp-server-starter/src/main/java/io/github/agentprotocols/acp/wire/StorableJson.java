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

package io.github.agentprotocols.acp.wire;

import java.util.List;
import java.util.Map;
import java.util.function.Predicate;

import io.github.agentprotocols.acp.AcpException;
import io.github.agentprotocols.acp.Identity;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;

/**
 * What JSON allows but a thread store cannot keep, refused as {@code invalid_request}
 * wherever a request arrives (REST bodies and path variables, Socket.IO payloads, the
 * caller's identity): numbers that are not finite and strings or keys with a NUL
 * character, which PostgreSQL refuses in {@code text} and {@code jsonb}.
 */
public final class StorableJson {

	private StorableJson() {
	}

	/**
	 * Refuses a value with a number that is not finite, or a string or key with a NUL
	 * character, at any depth.
	 * @param node the value
	 * @throws AcpException {@code invalid_request}
	 */
	public static void requireStorable(JsonNode node) {
		if (node.isFloatingPointNumber() && !node.isBigDecimal() && !Double.isFinite(node.doubleValue())) {
			throw AcpException.invalidRequest("numbers must be finite");
		}
		if (node.isString()) {
			requireNoNul(node.stringValue());
		}
		if (node.isObject()) {
			for (String key : node.propertyNames()) {
				requireNoNul(key);
			}
		}
		for (JsonNode child : node.values()) {
			requireStorable(child);
		}
	}

	/**
	 * Refuses a caller whose identity the authenticator took from the request as it came,
	 * with a NUL character in its id, name or metadata, or a number in its metadata that
	 * is not finite: the store would refuse it with every write, and every membership
	 * check. Walks the identity's values as they are, on every authenticated request.
	 * @param identity the caller
	 * @throws AcpException {@code invalid_request}
	 */
	public static void requireStorable(Identity identity) {
		if (anyLeaf(identity.id(), StorableJson::holdsNul) || anyLeaf(identity.name(), StorableJson::holdsNul)
				|| anyLeaf(identity.metadata(), StorableJson::holdsNul)) {
			throw AcpException.invalidRequest("identity must not contain NUL characters");
		}
		if (anyLeaf(identity.metadata(), (leaf) -> leaf instanceof Double number && !Double.isFinite(number))) {
			throw AcpException.invalidRequest("identity numbers must be finite");
		}
	}

	/**
	 * Whether a test holds for a value, for a key or value of an object in it, or for an
	 * element of an array in it, at any depth.
	 */
	private static boolean anyLeaf(@Nullable Object value, Predicate<@Nullable Object> test) {
		if (value instanceof Map<?, ?> object) {
			for (Map.Entry<?, ?> entry : object.entrySet()) {
				if (test.test(entry.getKey()) || anyLeaf(entry.getValue(), test)) {
					return true;
				}
			}
			return false;
		}
		if (value instanceof List<?> array) {
			for (Object element : array) {
				if (anyLeaf(element, test)) {
					return true;
				}
			}
			return false;
		}
		return test.test(value);
	}

	private static boolean holdsNul(@Nullable Object leaf) {
		return leaf instanceof String text && text.indexOf('\u0000') >= 0;
	}

	/**
	 * Refuses a text with a NUL character.
	 * @param text the text
	 * @return the text
	 * @throws AcpException {@code invalid_request}
	 */
	public static String requireNoNul(String text) {
		if (text.indexOf('\u0000') >= 0) {
			throw AcpException.invalidRequest("text must not contain NUL characters");
		}
		return text;
	}

}
