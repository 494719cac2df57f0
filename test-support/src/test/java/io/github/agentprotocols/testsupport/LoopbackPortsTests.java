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

package io.github.agentprotocols.testsupport;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests for {@link LoopbackPorts}.
 */
class LoopbackPortsTests {

	@Test
	void aFreePortIsBelowTheEphemeralRangeAndCanBeListenedOn() throws IOException {
		for (int i = 0; i < 20; i++) {
			int port = LoopbackPorts.free();
			assertThat(port).isBetween(LoopbackPorts.LOWEST, LoopbackPorts.EPHEMERAL_START - 1);
			try (ServerSocket socket = new ServerSocket(port, 1, InetAddress.getLoopbackAddress())) {
				assertThat(LoopbackPorts.accepts(port)).isTrue();
			}
			assertThat(LoopbackPorts.accepts(port)).isFalse();
		}
	}

	@Test
	void aPortListenedOnIsNotGivenAsFree() throws IOException {
		try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
			assertThat(LoopbackPorts.free()).isNotEqualTo(socket.getLocalPort());
		}
	}

}
