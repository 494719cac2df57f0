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

import java.util.HashMap;
import java.util.Map;

import org.jspecify.annotations.Nullable;

/**
 * The account-link requests (spec §2.3), by the requester's X25519 public key in hex:
 * pending until an app of an account answers with the sealed master secret; the first
 * answer sticks.
 */
final class AccountLinks {

	private final Map<String, @Nullable Answer> requests = new HashMap<>();

	/**
	 * Record a request, or look at it again.
	 * @return the answer, or {@code null} while pending
	 */
	synchronized @Nullable Answer request(String publicKeyHex) {
		if (!this.requests.containsKey(publicKeyHex)) {
			this.requests.put(publicKeyHex, null);
		}
		return this.requests.get(publicKeyHex);
	}

	/**
	 * Answer a request, unless it was answered already.
	 * @return whether the request exists
	 */
	synchronized boolean respond(String publicKeyHex, String response, String accountId) {
		if (!this.requests.containsKey(publicKeyHex)) {
			return false;
		}
		if (this.requests.get(publicKeyHex) == null) {
			this.requests.put(publicKeyHex, new Answer(response, accountId));
		}
		return true;
	}

	/**
	 * The answer of an app.
	 *
	 * @param response the sealed bundle, base64
	 * @param accountId the answering account
	 */
	record Answer(String response, String accountId) {

	}

}
