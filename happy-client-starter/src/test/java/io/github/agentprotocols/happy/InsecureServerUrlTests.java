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

package io.github.agentprotocols.happy;

import java.util.Base64;

import io.github.agentprotocols.happy.core.HappyCredentials;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * A client built without Spring refuses a plain {@code http://} server URL whose host is
 * not a loopback address, unless the builder allows it; host names are not resolved, so
 * only {@code localhost} and literal loopback addresses count.
 */
class InsecureServerUrlTests {

	private static final String SECRET = Base64.getEncoder().encodeToString(new byte[32]);

	@ParameterizedTest
	@ValueSource(strings = { "http://happy.example.com", "HTTP://happy.example.com:3005", "http://10.0.0.5:3005",
			"http://192.168.1.2/", "http://128.0.0.1", "http://127.0.0.256", "http://127.0.0.1.nip.io",
			"http://localhost.example.com", "http://localhost.localdomain", "http://[::2]:3005", "http://[fe80::1]",
			"http://user@happy.example.com" })
	void plainHttpToAHostThatIsNotLoopbackIsRefused(String url) {
		HappyCredentials credentials = HappyCredentials.of(url, "t", SECRET);
		assertThatExceptionOfType(InsecureServerUrlException.class)
			.isThrownBy(() -> ReactiveHappyClient.builder(credentials).build())
			.satisfies((ex) -> assertThat(ex.getServerUrl()).isEqualTo(credentials.serverUrl()))
			.withMessageContaining(credentials.serverUrl())
			.withMessageContaining("allowInsecureHttp(true)");
		assertThatExceptionOfType(InsecureServerUrlException.class)
			.isThrownBy(() -> ReactiveHappyClient.create(credentials));
		assertThatExceptionOfType(InsecureServerUrlException.class)
			.isThrownBy(() -> ReactiveHappyClient.builder(credentials).buildBlocking());
	}

	@ParameterizedTest
	@ValueSource(strings = { "http://localhost:3005", "http://LOCALHOST", "http://127.0.0.1:1", "http://127.8.9.10",
			"http://[::1]:3005", "http://[0:0:0:0:0:0:0:1]", "https://happy.example.com", "https://10.0.0.5:443" })
	void plainHttpOnLoopbackAndHttpsAnywhereAreAccepted(String url) {
		try (ReactiveHappyClient client = ReactiveHappyClient.builder(HappyCredentials.of(url, "t", SECRET)).build()) {
			assertThat(client.serverUrl()).isEqualTo(HappyCredentials.of(url, "t", SECRET).serverUrl());
		}
	}

	@ParameterizedTest
	@ValueSource(strings = { "http://happy.example.com", "http://10.0.0.5:3005" })
	void allowInsecureHttpAcceptsPlainHttpToAnyHost(String url) {
		try (ReactiveHappyClient client = ReactiveHappyClient.builder(HappyCredentials.of(url, "t", SECRET))
			.allowInsecureHttp(true)
			.build()) {
			assertThat(client.serverUrl()).isEqualTo(url);
		}
	}

}
