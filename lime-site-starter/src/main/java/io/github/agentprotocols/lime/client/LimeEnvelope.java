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

package io.github.agentprotocols.lime.client;

import java.util.Map;
import java.util.Set;

import io.github.agentprotocols.lime.LimeApiException;
import io.github.agentprotocols.lime.LimeAuthenticationException;
import io.github.agentprotocols.lime.LimeException;
import io.github.agentprotocols.lime.LimeRateLimitException;
import io.github.agentprotocols.lime.wire.LimeJson;
import org.jspecify.annotations.Nullable;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;

/**
 * Reads the LIME response envelope ({@code {"ok":true,"data":{…}}} or
 * {@code {"ok":false,"error":{"code","message","detail"}}}) in the order of the
 * specification (§3.1): invalid JSON, a body that is not an object, a success without a
 * data object, an error without an error object, then the error mapping. A success is a
 * success whatever the HTTP status.
 */
public final class LimeEnvelope {

	private static final Set<String> AUTHENTICATION_CODES = Set.of("SITE_TOKEN_MISSING", "SITE_TOKEN_INVALID",
			"SITE_SUSPENDED");

	private LimeEnvelope() {
	}

	/**
	 * Return the {@code data} object of a success envelope, or throw what the response
	 * stands for.
	 * @param response the response
	 * @return the data object
	 * @throws LimeException for a malformed body, {@link LimeRateLimitException},
	 * {@link LimeAuthenticationException} or {@link LimeApiException} for an error
	 * envelope
	 */
	public static JsonNode data(LimeResponse response) {
		JsonNode root = object(response);
		JsonNode ok = root.get("ok");
		if (ok != null && ok.isBoolean() && ok.booleanValue()) {
			JsonNode data = root.get("data");
			if (data == null || !data.isObject()) {
				throw new LimeException("Success envelope missing data object (HTTP " + response.status() + ")", null,
						response.status(), null, null);
			}
			return data;
		}
		JsonNode error = root.get("error");
		if (error == null || !error.isObject()) {
			throw new LimeException("Error envelope missing error object (HTTP " + response.status() + ")", null,
					response.status(), null, null);
		}
		throw error(response, error);
	}

	/**
	 * Parse a response body that must be a JSON object.
	 * @param response the response
	 * @return the object
	 * @throws LimeException with {@code Invalid JSON} or
	 * {@code Unexpected response shape}
	 */
	public static JsonNode object(LimeResponse response) {
		JsonNode root;
		try {
			root = LimeJson.read(response.body());
		}
		catch (JacksonException ex) {
			throw new LimeException("Invalid JSON response (HTTP " + response.status() + ")", null, response.status(),
					null, ex);
		}
		if (root == null || root.isMissingNode()) {
			throw new LimeException("Invalid JSON response (HTTP " + response.status() + "): empty body", null,
					response.status(), null, null);
		}
		if (!root.isObject()) {
			throw new LimeException("Unexpected response shape (HTTP " + response.status() + "): not a JSON object",
					null, response.status(), null, null);
		}
		return root;
	}

	private static LimeException error(LimeResponse response, JsonNode error) {
		String code = text(error.get("code"), "UNKNOWN_ERROR");
		String message = text(error.get("message"), "Unknown error");
		JsonNode detailNode = error.get("detail");
		Map<String, Object> detail = (detailNode != null && detailNode.isObject()) ? LimeJson.toMap(detailNode) : null;
		int status = response.status();
		String text = code + " (HTTP " + status + "): " + message;
		if (status == 429 || "RATE_LIMIT_EXCEEDED".equals(code)) {
			return new LimeRateLimitException(text, code, status, detail, response.retryAfter());
		}
		if (status == 401 || AUTHENTICATION_CODES.contains(code)) {
			return new LimeAuthenticationException(text, code, status, detail);
		}
		return new LimeApiException(text, code, status, detail);
	}

	private static String text(@Nullable JsonNode node, String fallback) {
		if (node == null || node.isNull() || node.isMissingNode()) {
			return fallback;
		}
		return node.isValueNode() ? node.asString() : node.toString();
	}

}
