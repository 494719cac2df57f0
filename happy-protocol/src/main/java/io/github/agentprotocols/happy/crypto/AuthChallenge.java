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

package io.github.agentprotocols.happy.crypto;

import java.util.Base64;

/**
 * The body of the signed-challenge login {@code POST /v1/auth}: the account's Ed25519
 * public key, a challenge and its detached signature, each in standard base64.
 *
 * @param publicKey base64 of the 32-byte Ed25519 public key
 * @param challenge base64 of the challenge bytes
 * @param signature base64 of the 64-byte signature of the challenge bytes
 */
public record AuthChallenge(String publicKey, String challenge, String signature) {

	private static final int CHALLENGE_LENGTH = 32;

	/**
	 * Signs a fresh random 32-byte challenge.
	 * @param identity the account identity
	 * @return the request body
	 */
	public static AuthChallenge sign(AccountIdentity identity) {
		return sign(identity, Bytes.random(CHALLENGE_LENGTH));
	}

	/**
	 * Signs the given challenge.
	 * @param identity the account identity
	 * @param challenge the challenge bytes
	 * @return the request body
	 */
	public static AuthChallenge sign(AccountIdentity identity, byte[] challenge) {
		Base64.Encoder base64 = Base64.getEncoder();
		return new AuthChallenge(base64.encodeToString(identity.publicKey()), base64.encodeToString(challenge),
				base64.encodeToString(identity.sign(challenge)));
	}

	/**
	 * Whether the signature is a valid signature of the challenge by the public key, as
	 * the server checks it.
	 * @return {@code false} for an invalid signature or a field that is not base64
	 */
	public boolean isValid() {
		try {
			Base64.Decoder base64 = Base64.getDecoder();
			return AccountIdentity.verify(base64.decode(this.publicKey), base64.decode(this.challenge),
					base64.decode(this.signature));
		}
		catch (IllegalArgumentException ex) {
			return false;
		}
	}

}
