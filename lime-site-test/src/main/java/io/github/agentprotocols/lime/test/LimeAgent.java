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

package io.github.agentprotocols.lime.test;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;

import io.github.agentprotocols.lime.wire.LimeJson;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;

/**
 * An agent-side LIME client on the JDK {@link HttpClient}, doing what an agent worker
 * does to approve a login: read the public challenge (without the agent token), solve the
 * proof-of-work, and approve with {@code X-Agent-Token}. It does not retry; every error
 * answer becomes a {@link LimeAgentException}.
 */
public final class LimeAgent {

	private static final Duration TIMEOUT = Duration.ofSeconds(30);

	private final String baseUrl;

	private final String agentToken;

	private @Nullable HttpClient http;

	/**
	 * Create an agent.
	 * @param baseUrl the API base, e.g. {@link FakeLimeApi#baseUrl()}
	 * @param agentToken the agent token sent on approve
	 */
	public LimeAgent(String baseUrl, String agentToken) {
		this.baseUrl = baseUrl.replaceAll("/+$", "");
		this.agentToken = agentToken;
	}

	/**
	 * Approve a login request: read its challenge, solve the proof-of-work, approve.
	 * @param requestId the login request id
	 * @return the approve {@code data}: {@code request_id}, {@code site_id},
	 * {@code status} ({@code APPROVED} or {@code DELIVERED}), {@code expires_at},
	 * {@code approved_agent_id}
	 * @throws LimeAgentException if LIME answers an error
	 */
	public Map<String, Object> approve(String requestId) {
		Challenge challenge = challenge(requestId);
		return approve(requestId, ProofOfWork.solve(challenge.powChallenge(), challenge.powDifficulty()));
	}

	/**
	 * Approve a login request with a given nonce.
	 * @param requestId the login request id
	 * @param powNonce the {@code pow_nonce} to send
	 * @return the approve {@code data}
	 * @throws LimeAgentException if LIME answers an error
	 */
	public Map<String, Object> approve(String requestId, String powNonce) {
		HttpRequest request = request("/modules/agent-login/requests/" + encode(requestId) + "/approve")
			.header("X-Agent-Token", this.agentToken)
			.header("Content-Type", "application/json")
			.POST(HttpRequest.BodyPublishers.ofString(Json.object("pow_nonce", powNonce)))
			.build();
		return LimeJson.toMap(send(request));
	}

	/**
	 * Read the public challenge of a login request.
	 * @param requestId the login request id
	 * @return the challenge
	 * @throws LimeAgentException if LIME answers an error
	 */
	public Challenge challenge(String requestId) {
		JsonNode data = send(request("/auth/requests/" + encode(requestId)).GET().build());
		return new Challenge(data.path("request_id").asString(), data.path("status").asString(),
				data.path("pow_challenge").asString(), data.path("pow_difficulty").asInt(),
				data.path("expires_at").asString());
	}

	private HttpRequest.Builder request(String path) {
		return HttpRequest.newBuilder(URI.create(this.baseUrl + path))
			.timeout(TIMEOUT)
			.header("Accept", "application/json");
	}

	// Made on first use: building one loads the JDK's trust store.
	private synchronized HttpClient http() {
		if (this.http == null) {
			this.http = HttpClient.newBuilder().connectTimeout(TIMEOUT).build();
		}
		return this.http;
	}

	private JsonNode send(HttpRequest request) {
		HttpResponse<String> response;
		try {
			response = http().send(request, HttpResponse.BodyHandlers.ofString());
		}
		catch (IOException ex) {
			throw new LimeAgentException(0, null, "LIME request failed: " + ex.getMessage(), ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new LimeAgentException(0, null, "Interrupted", ex);
		}
		JsonNode body = Json.parseOrNull(response.body());
		if (body != null && body.path("ok").isBoolean() && body.path("ok").asBoolean()
				&& body.path("data").isObject()) {
			return body.path("data");
		}
		JsonNode error = (body != null) ? body.path("error") : null;
		String code = (error != null && error.path("code").isString()) ? error.path("code").asString() : null;
		String message = (error != null && error.path("message").isString()) ? error.path("message").asString()
				: "Unexpected response";
		throw new LimeAgentException(response.statusCode(), code, message + " (HTTP " + response.statusCode() + ")",
				null);
	}

	private static String encode(String requestId) {
		return URLEncoder.encode(requestId, StandardCharsets.UTF_8).replace("+", "%20");
	}

	/**
	 * The public challenge of a login request.
	 *
	 * @param requestId the {@code request_id}
	 * @param status the request's status
	 * @param powChallenge the {@code pow_challenge}
	 * @param powDifficulty the {@code pow_difficulty} in leading zero bits
	 * @param expiresAt the {@code expires_at} as sent
	 */
	public record Challenge(String requestId, String status, String powChallenge, int powDifficulty, String expiresAt) {

	}

	/**
	 * An error answer of the LIME API, or a transport failure (status 0), seen by a
	 * {@link LimeAgent}.
	 */
	public static final class LimeAgentException extends RuntimeException {

		/** The HTTP status of the refusal. */
		private final int httpStatus;

		/** The API's error code, if any. */
		private final @Nullable String code;

		LimeAgentException(int httpStatus, @Nullable String code, String message, @Nullable Throwable cause) {
			super(message, cause);
			this.httpStatus = httpStatus;
			this.code = code;
		}

		/**
		 * The HTTP status.
		 * @return the status, or {@code 0} for a transport failure
		 */
		public int getHttpStatus() {
			return this.httpStatus;
		}

		/**
		 * The envelope's error code.
		 * @return the code, or {@code null} if the body had none
		 */
		public @Nullable String getCode() {
			return this.code;
		}

	}

}
