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

package io.github.agentprotocols.acp.socketio;

import java.util.List;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class AllowedOriginsTests {

	/** The {@code Host} of the requests: the application serves chat.example:8080. */
	private static final String HOST = "chat.example:8080";

	@Test
	void starAllowsEveryOrigin() {
		assertThat(AllowedOrigins.of(List.of("*")).isAllowed("https://anything.example", HOST)).isTrue();
	}

	@Test
	void starNeverTrustsAnOriginWithCredentials() {
		AllowedOrigins origins = AllowedOrigins.of(List.of("*", "https://app.example"));
		assertThat(origins.isTrusted("https://anything.example", HOST)).isFalse();
		assertThat(origins.isTrusted("https://app.example", HOST)).isTrue();
		assertThat(origins.isTrusted("http://chat.example:8080", HOST)).isTrue();
		assertThat(origins.isTrusted(null, HOST)).isTrue();
	}

	@Test
	void emptyListAllowsTheApplicationsOwnOriginOnly() {
		AllowedOrigins origins = AllowedOrigins.of(List.of());
		assertThat(origins.isAllowed("http://chat.example:8080", HOST)).isTrue();
		assertThat(origins.isAllowed("http://CHAT.example:8080", HOST)).isTrue();
		assertThat(origins.isAllowed("http://chat.example:8081", HOST)).isFalse();
		assertThat(origins.isAllowed("http://chat.example.evil:8080", HOST)).isFalse();
		assertThat(origins.isAllowed("https://chat.example", "chat.example")).isTrue();
		assertThat(origins.isAllowed("https://chat.example", "chat.example:443")).isTrue();
		assertThat(origins.isAllowed("http://chat.example", "chat.example:80")).isTrue();
		assertThat(origins.isAllowed("http://chat.example:8080", "chat.example")).isFalse();
		assertThat(origins.isAllowed("null", HOST)).isFalse();
		assertThat(origins.isAllowed("http://chat.example:8080", null)).isFalse();
		assertThat(origins.isAllowed("http://[::1]:8080", "[::1]:8080")).isTrue();
		assertThat(origins.isAllowed("http://[::1]:8080", "[::1]:8081")).isFalse();
		assertThat(origins.isAllowed("http://user@chat.example:8080", HOST)).isTrue();
		assertThat(origins.isAllowed("http://chat.example:8080/", HOST)).isTrue();
		assertThat(origins.isAllowed("http://chat example", "chat example")).isFalse();
		assertThat(origins.isAllowed("://chat.example:8080", HOST)).isFalse();
		assertThat(origins.isAllowed("http://", "")).isFalse();
	}

	@Test
	void listAllowsItsOriginsOnlyIgnoringCaseAndATrailingSlash() {
		AllowedOrigins origins = AllowedOrigins.of(List.of("https://App.example/", "http://localhost:3000"));
		assertThat(origins.isAllowed("https://app.example", HOST)).isTrue();
		assertThat(origins.isAllowed("http://localhost:3000", HOST)).isTrue();
		assertThat(origins.isAllowed("https://app.example.evil", HOST)).isFalse();
		assertThat(origins.isAllowed("http://localhost:3001", HOST)).isFalse();
		assertThat(origins.isAllowed("null", HOST)).isFalse();
	}

	@Test
	void requestWithoutOriginIsAllowed() {
		assertThat(AllowedOrigins.of(List.of("https://app.example")).isAllowed(null, HOST)).isTrue();
		assertThat(AllowedOrigins.of(List.of()).isAllowed(null, null)).isTrue();
	}

}
