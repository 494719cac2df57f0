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

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.Signature;
import java.util.Arrays;
import java.util.Base64;

/**
 * An Ed25519 account key made with the JDK alone, and the signed challenge of
 * {@code POST /v1/auth} (spec §2.2).
 */
final class TestKeys {

	private final KeyPair keys;

	TestKeys() {
		try {
			this.keys = KeyPairGenerator.getInstance("Ed25519").generateKeyPair();
		}
		catch (GeneralSecurityException ex) {
			throw new IllegalStateException(ex);
		}
	}

	byte[] publicKey() {
		byte[] encoded = this.keys.getPublic().getEncoded();
		return Arrays.copyOfRange(encoded, encoded.length - 32, encoded.length);
	}

	byte[] sign(byte[] message) {
		try {
			Signature signature = Signature.getInstance("Ed25519");
			signature.initSign(this.keys.getPrivate());
			signature.update(message);
			return signature.sign();
		}
		catch (GeneralSecurityException ex) {
			throw new IllegalStateException(ex);
		}
	}

	String authBody() {
		byte[] challenge = "challenge-0123456789abcdef012345".getBytes(StandardCharsets.US_ASCII);
		Base64.Encoder base64 = Base64.getEncoder();
		return "{\"publicKey\":\"" + base64.encodeToString(publicKey()) + "\",\"challenge\":\""
				+ base64.encodeToString(challenge) + "\",\"signature\":\"" + base64.encodeToString(sign(challenge))
				+ "\"}";
	}

	/**
	 * A token for this key from the fake's {@code POST /v1/auth}.
	 */
	String login(FakeHappyServer server) {
		Rest.Answer answer = new Rest(server.url(), null).post("/v1/auth", authBody());
		if (answer.status() != 200) {
			throw new IllegalStateException("login failed: " + answer);
		}
		return answer.json().get("token").asString();
	}

}
