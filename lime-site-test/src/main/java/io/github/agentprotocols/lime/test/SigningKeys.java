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

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.jwk.KeyUse;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;

/**
 * The fake's RSA signing keys: the current one signs passports, the published ones are
 * served as the JWKS. Every fake starts with a fresh {@code kid} on RSA key material
 * generated once per JVM (generating 2048-bit keys is slow); rotated keys are new.
 */
final class SigningKeys {

	private static final int KEY_SIZE = 2048;

	private final List<RSAKey> published = new ArrayList<>();

	private RSAKey current;

	SigningKeys() {
		this.current = new RSAKey.Builder(SharedKeys.INITIAL).keyID(newKid()).build();
		this.published.add(this.current);
	}

	synchronized RSAKey current() {
		return this.current;
	}

	/**
	 * Replace the current key by a new one with a new {@code kid}.
	 * @param keepPrevious whether the JWKS keeps publishing the previous keys
	 * @return the new key's id
	 */
	synchronized String rotate(boolean keepPrevious) {
		RSAKey next = generate(newKid());
		if (!keepPrevious) {
			this.published.clear();
		}
		this.published.add(next);
		this.current = next;
		return next.getKeyID();
	}

	/**
	 * A different private key that carries the current key's {@code kid}, for passports
	 * whose signature must not verify.
	 */
	synchronized RSAKey impostor() {
		return new RSAKey.Builder(ImpostorKey.IMPOSTOR).keyID(this.current.getKeyID()).build();
	}

	synchronized List<Map<String, Object>> publicJwks() {
		return this.published.stream().map((key) -> key.toPublicJWK().toJSONObject()).toList();
	}

	private static String newKid() {
		return "fake-lime-" + UUID.randomUUID().toString().substring(0, 8);
	}

	private static RSAKey generate(String kid) {
		try {
			return new RSAKeyGenerator(KEY_SIZE).keyID(kid)
				.keyUse(KeyUse.SIGNATURE)
				.algorithm(JWSAlgorithm.RS256)
				.generate();
		}
		catch (JOSEException ex) {
			throw new IllegalStateException("Cannot generate an RSA signing key", ex);
		}
	}

	/**
	 * Key material shared by every fake in the JVM, generated on first use.
	 */
	private static final class SharedKeys {

		static final RSAKey INITIAL = generate("initial");

	}

	/**
	 * Key material for passports whose signature must not verify, generated on first use.
	 */
	private static final class ImpostorKey {

		static final RSAKey IMPOSTOR = generate("impostor");

	}

}
