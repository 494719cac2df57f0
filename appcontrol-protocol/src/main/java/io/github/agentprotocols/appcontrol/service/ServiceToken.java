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

package io.github.agentprotocols.appcontrol.service;

import io.github.agentprotocols.commons.SharedSecret;
import org.jspecify.annotations.Nullable;

/**
 * The host's shared secret: a request's {@code token} must equal it exactly, as the
 * upstream service compares it (surrounding white space included), and is checked in
 * constant time, to the last {@code char}.
 */
final class ServiceToken {

	private final SharedSecret secret;

	ServiceToken(String token) {
		this.secret = new SharedSecret(token);
	}

	boolean matches(@Nullable Object candidate) {
		return (candidate instanceof String text) && this.secret.matches(text);
	}

}
