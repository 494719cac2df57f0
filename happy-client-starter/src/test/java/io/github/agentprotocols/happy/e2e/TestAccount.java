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

package io.github.agentprotocols.happy.e2e;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

import io.github.agentprotocols.happy.core.HappyCredentials;
import io.github.agentprotocols.happy.ReactiveHappyClient;
import io.github.agentprotocols.happy.crypto.AccountIdentity;
import io.github.agentprotocols.happy.crypto.ContentKeyPair;
import io.github.agentprotocols.happy.crypto.DataEncryptionKey;
import io.github.agentprotocols.happy.crypto.EncryptionVariant;
import io.github.agentprotocols.happy.crypto.RecordKey;
import io.github.agentprotocols.happy.test.FakeHappyServer;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * A fresh account on the fake server (a random master secret and its token) and what an
 * agent process would write for it over REST: sessions in either scheme, their messages,
 * machines.
 */
final class TestAccount {

	private static final SecureRandom random = new SecureRandom();

	private static final JsonMapper json = JsonMapper.builder().build();

	private final FakeHappyServer server;

	private final byte[] secret;

	private final String token;

	private final HttpClient http = HttpClient.newHttpClient();

	private final Map<String, RecordKey> keys = new ConcurrentHashMap<>();

	TestAccount(FakeHappyServer server) {
		this.server = server;
		this.secret = randomBytes();
		this.token = server.issueToken(AccountIdentity.fromMasterSecret(this.secret).publicKey());
	}

	HappyCredentials credentials() {
		return HappyCredentials.of(this.server.url(), this.token, Base64.getEncoder().encodeToString(this.secret));
	}

	ReactiveHappyClient.Builder client() {
		return ReactiveHappyClient.builder(credentials())
			.connectTimeout(Duration.ofSeconds(20))
			.rpcTimeout(Duration.ofSeconds(20))
			.metadataAckTimeout(Duration.ofSeconds(10));
	}

	String token() {
		return this.token;
	}

	byte[] secret() {
		return this.secret.clone();
	}

	/**
	 * Create a session as a data-key CLI does: a random data key wrapped to the account's
	 * content public key.
	 */
	String createSession(Map<String, ?> metadata) {
		byte[] dataKey = randomBytes();
		byte[] wrapped = DataEncryptionKey.wrap(dataKey, ContentKeyPair.fromMasterSecret(this.secret).publicKey());
		return createSession(metadata, new RecordKey(dataKey, EncryptionVariant.DATA_KEY),
				Base64.getEncoder().encodeToString(wrapped));
	}

	/**
	 * Create a session as a legacy CLI does: encrypted with the master secret itself.
	 */
	String createLegacySession(Map<String, ?> metadata) {
		return createSession(metadata, new RecordKey(this.secret, EncryptionVariant.LEGACY), null);
	}

	/**
	 * Create a session whose key this account cannot resolve.
	 */
	String createForeignSession(Map<String, ?> metadata) {
		return createSession(metadata, new RecordKey(randomBytes(), EncryptionVariant.LEGACY), null);
	}

	private String createSession(Map<String, ?> metadata, RecordKey key, @Nullable String dataEncryptionKey) {
		Map<String, @Nullable Object> body = new LinkedHashMap<>();
		body.put("tag", UUID.randomUUID().toString());
		body.put("metadata", key.seal(metadata));
		body.put("agentState", null);
		body.put("dataEncryptionKey", dataEncryptionKey);
		String id = post("/v1/sessions", body).get("session").get("id").asString();
		this.keys.put(id, key);
		return id;
	}

	/**
	 * Archive a session on the server ({@code POST /v1/sessions/{id}/archive}): inactive,
	 * its metadata untouched.
	 */
	void archive(String sessionId) {
		post("/v1/sessions/" + sessionId + "/archive", Map.of());
	}

	RecordKey key(String sessionId) {
		return this.keys.get(sessionId);
	}

	/**
	 * Post a message as the session's agent would, encrypted with the session key.
	 */
	long postMessage(String sessionId, Map<String, ?> content) {
		return postRaw(sessionId, key(sessionId).seal(content));
	}

	/**
	 * Post messages in one request (at most 100), as the session's agent would.
	 */
	void postMessages(String sessionId, List<? extends Map<String, ?>> contents) {
		List<Map<String, String>> messages = contents.stream()
			.map((content) -> Map.of("content", key(sessionId).seal(content), "localId", UUID.randomUUID().toString()))
			.toList();
		post("/v3/sessions/" + sessionId + "/messages", Map.of("messages", messages));
	}

	/**
	 * Post a message whose content is the given encrypted blob.
	 */
	long postRaw(String sessionId, String encrypted) {
		Map<String, Object> message = Map.of("content", encrypted, "localId", UUID.randomUUID().toString());
		return post("/v3/sessions/" + sessionId + "/messages", Map.of("messages", List.of(message))).get("messages")
			.get(0)
			.get("seq")
			.asLong();
	}

	/**
	 * Register a machine as a legacy daemon does.
	 */
	String registerMachine(Map<String, ?> metadata) {
		String id = UUID.randomUUID().toString();
		RecordKey key = new RecordKey(this.secret, EncryptionVariant.LEGACY);
		post("/v1/machines", Map.of("id", id, "metadata", key.seal(metadata)));
		return id;
	}

	static Map<String, Object> sessionEvent(String role, @Nullable String turn, Map<String, ?> ev) {
		Map<String, @Nullable Object> envelope = new LinkedHashMap<>();
		envelope.put("id", UUID.randomUUID().toString());
		envelope.put("time", System.currentTimeMillis());
		envelope.put("role", role);
		if (turn != null) {
			envelope.put("turn", turn);
		}
		envelope.put("ev", ev);
		return Map.of("role", "session", "content", envelope, "meta", Map.of("sentFrom", "cli"));
	}

	/**
	 * Read a REST resource of the account.
	 */
	JsonNode get(String path) {
		return send(HttpRequest.newBuilder(URI.create(this.server.url() + path))
			.header("Authorization", "Bearer " + this.token)
			.GET()
			.build(), path);
	}

	private JsonNode post(String path, Object body) {
		return send(HttpRequest.newBuilder(URI.create(this.server.url() + path))
			.header("Authorization", "Bearer " + this.token)
			.header("Content-Type", "application/json")
			.POST(HttpRequest.BodyPublishers.ofString(json.writeValueAsString(body)))
			.build(), path);
	}

	private JsonNode send(HttpRequest request, String path) {
		try {
			HttpResponse<String> response = this.http.send(request, HttpResponse.BodyHandlers.ofString());
			if (response.statusCode() != 200) {
				throw new IllegalStateException(path + " answered " + response.statusCode() + ": " + response.body());
			}
			return json.readTree(response.body());
		}
		catch (IOException ex) {
			throw new IllegalStateException(ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
	}

	static byte[] randomBytes() {
		byte[] bytes = new byte[32];
		random.nextBytes(bytes);
		return bytes;
	}

}
