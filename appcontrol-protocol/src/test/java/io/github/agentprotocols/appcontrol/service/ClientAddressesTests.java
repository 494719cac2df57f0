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

import java.net.InetAddress;
import java.net.InetSocketAddress;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Which clients {@link ClientAddresses} takes for loopback: connection peers by their
 * address, forwarded (unresolved) clients by their address literal only.
 */
class ClientAddressesTests {

	@Test
	void connectionPeersAreJudgedByTheirAddress() throws Exception {
		assertThat(ClientAddresses.isLoopback(new InetSocketAddress(InetAddress.getLoopbackAddress(), 1))).isTrue();
		assertThat(ClientAddresses.isLoopback(new InetSocketAddress(InetAddress.getByName("::1"), 1))).isTrue();
		assertThat(ClientAddresses.isLoopback(new InetSocketAddress(InetAddress.getByName("127.0.0.2"), 1))).isTrue();
		assertThat(ClientAddresses.isLoopback(new InetSocketAddress(InetAddress.getByName("192.0.2.2"), 1))).isFalse();
		assertThat(ClientAddresses.isLoopback(new InetSocketAddress(InetAddress.getByName("0.0.0.0"), 1))).isFalse();
	}

	@Test
	void forwardedClientsAreLoopbackOnlyAsLoopbackLiterals() {
		for (String loopback : new String[] { "127.0.0.1", "127.1.2.3", "::1", "[::1]", "0:0:0:0:0:0:0:1" }) {
			assertThat(ClientAddresses.isLoopback(InetSocketAddress.createUnresolved(loopback, 0))).as(loopback)
				.isTrue();
		}
		for (String other : new String[] { "203.0.113.7", "localhost", "127.0.0.1.example", "127.0.0.256", "0127.0.0.1",
				"x:y", "[localhost]", "unknown", "_hidden", "", "::ffff:203.0.113.7" }) {
			assertThat(ClientAddresses.isLoopback(InetSocketAddress.createUnresolved(other, 0))).as(other).isFalse();
		}
	}

	@Test
	void clientsAreCountedByTheirAddressText() throws Exception {
		assertThat(ClientAddresses.text(new InetSocketAddress(InetAddress.getByName("192.0.2.2"), 4711)))
			.isEqualTo("192.0.2.2");
		assertThat(ClientAddresses.text(InetSocketAddress.createUnresolved("203.0.113.7", 0))).isEqualTo("203.0.113.7");
	}

}
