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

package io.github.agentprotocols.acp.docs;

import java.util.Map;

import reactor.core.publisher.Mono;

/**
 * The application's own user directory that the quick start's authenticator asks.
 */
class Users {

	private final Map<String, User> byToken;

	Users(Map<String, User> byToken) {
		this.byToken = Map.copyOf(byToken);
	}

	Mono<User> findByToken(String token) {
		return Mono.justOrEmpty(this.byToken.get(token));
	}

	record User(String id, String name, String orgId) {
	}

}
