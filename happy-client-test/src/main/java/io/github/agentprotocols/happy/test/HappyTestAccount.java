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

package io.github.agentprotocols.happy.test;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.Map;

import io.github.agentprotocols.happy.core.HappyCredentials;
import io.github.agentprotocols.happy.crypto.AccountIdentity;
import io.github.agentprotocols.happy.crypto.AuthChallenge;
import io.github.agentprotocols.happy.wire.HappyJson;
import tools.jackson.databind.JsonNode;

/**
 * A fresh Happy account for a test (spec §12): 32 random bytes of master secret and the
 * token the server gives its Ed25519 identity for a signed challenge
 * ({@code POST /v1/auth}). Together they are a complete {@code agent.key}, and a legacy
 * {@code access.key} for a real daemon.
 */
public final class HappyTestAccount {

	private static final SecureRandom random = new SecureRandom();

	private final String serverUrl;

	private final byte[] secret;

	private final String token;

	private HappyTestAccount(String serverUrl, byte[] secret, String token) {
		this.serverUrl = serverUrl;
		this.secret = secret;
		this.token = token;
	}

	/**
	 * A new account on a fake server, logged in with {@code POST /v1/auth}.
	 * @param server the server
	 * @return the account, logged in
	 */
	public static HappyTestAccount create(FakeHappyServer server) {
		return create(server.url());
	}

	/**
	 * A new account on a fake server, its token issued by the server directly
	 * ({@link FakeHappyServer#issueToken(byte[])}): no login request, so nothing is sent
	 * and {@link FakeHappyServer#requests()} stays as it was.
	 * @param server the server
	 * @return the account, logged in
	 */
	public static HappyTestAccount issuedBy(FakeHappyServer server) {
		byte[] secret = newSecret();
		String token = server.issueToken(AccountIdentity.fromMasterSecret(secret).publicKey());
		return new HappyTestAccount(server.url(), secret, token);
	}

	/**
	 * A new account on any Happy server, the fake or a real one.
	 * @param serverUrl the server URL
	 * @return the account, logged in
	 */
	public static HappyTestAccount create(String serverUrl) {
		return login(serverUrl, newSecret());
	}

	/**
	 * Log in with an existing master secret: the same secret is always the same account.
	 * @param serverUrl the server URL
	 * @param masterSecret the 32-byte master secret
	 * @return the account with a fresh token
	 */
	public static HappyTestAccount login(String serverUrl, byte[] masterSecret) {
		AuthChallenge challenge = AuthChallenge.sign(AccountIdentity.fromMasterSecret(masterSecret));
		JsonNode token = HappyHttp
			.post(serverUrl + "/v1/auth", null, Json.object("publicKey", challenge.publicKey(), "challenge",
					challenge.challenge(), "signature", challenge.signature()))
			.get("token");
		if (token == null || !token.isString()) {
			throw new IllegalStateException("POST /v1/auth answered no token");
		}
		return new HappyTestAccount(serverUrl, masterSecret.clone(), token.asString());
	}

	/**
	 * The server URL the account lives on.
	 * @return the URL
	 */
	public String serverUrl() {
		return this.serverUrl;
	}

	/**
	 * The account's token.
	 * @return the token
	 */
	public String token() {
		return this.token;
	}

	/**
	 * The master secret.
	 * @return a copy of the 32 bytes
	 */
	public byte[] secret() {
		return this.secret.clone();
	}

	/**
	 * The master secret in standard base64, as {@code HAPPY_SECRET} and key files hold
	 * it.
	 * @return the base64 text
	 */
	public String secretBase64() {
		return Base64.getEncoder().encodeToString(this.secret);
	}

	/**
	 * The account's Ed25519 public key, its identity on the server.
	 * @return the 32 bytes
	 */
	public byte[] publicKey() {
		return AccountIdentity.fromMasterSecret(this.secret).publicKey();
	}

	/**
	 * Credentials for a client of this account.
	 * @return the credentials, server URL, token and master secret
	 */
	public HappyCredentials credentials() {
		return HappyCredentials.of(this.serverUrl, this.token, secretBase64());
	}

	/**
	 * The environment variables a client reads: {@code HAPPY_SERVER_URL},
	 * {@code HAPPY_TOKEN}, {@code HAPPY_SECRET}.
	 * @return the variables
	 */
	public Map<String, String> environment() {
		return Map.of("HAPPY_SERVER_URL", this.serverUrl, "HAPPY_TOKEN", this.token, "HAPPY_SECRET", secretBase64());
	}

	/**
	 * The key file content {@code {"token","secret"}}: an {@code agent.key}, and a legacy
	 * {@code access.key}.
	 * @return compact JSON
	 */
	public String keyFileJson() {
		return HappyJson.write(Json.object("token", this.token, "secret", secretBase64()));
	}

	/**
	 * Write the key file into a Happy home directory, creating the directory; where the
	 * file system has POSIX permissions, only the owner may read and write it (the client
	 * refuses a key file others may read).
	 * @param happyHomeDir the directory ({@code HAPPY_HOME_DIR})
	 * @param fileName {@code agent.key} or {@code access.key}
	 * @return the file written
	 */
	public Path writeKeyFile(Path happyHomeDir, String fileName) {
		try {
			Files.createDirectories(happyHomeDir);
			Path file = Files.writeString(happyHomeDir.resolve(fileName), keyFileJson());
			if (file.getFileSystem().supportedFileAttributeViews().contains("posix")) {
				Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
			}
			return file;
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	private static byte[] newSecret() {
		byte[] secret = new byte[32];
		random.nextBytes(secret);
		return secret;
	}

	@Override
	public String toString() {
		return "HappyTestAccount[" + this.serverUrl + "]";
	}

}
