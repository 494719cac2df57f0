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

package io.github.agentprotocols.samples.showcase;

import java.io.IOException;
import java.net.ConnectException;
import java.net.Inet4Address;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.NetworkInterface;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketException;
import java.util.Optional;

import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.web.reactive.server.WebTestClient;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * The showcase listens on the loopback interface only unless {@code server.address} says
 * otherwise: its demo identities are not authentication, so starting it must not open the
 * demos to the network.
 */
@ShowcaseTest
class ShowcaseListenAddressTests {

	private static final int TIMEOUT_MS = 5_000;

	@LocalServerPort
	int port;

	@Autowired
	WebTestClient client;

	@Test
	void listensOnLoopbackOnlyByDefault() throws IOException {
		InetAddress external = nonLoopbackAddress();
		try (ServerSocket everywhere = new ServerSocket(0, 50, InetAddress.getByName("0.0.0.0"))) {
			assertThat(connects(external, everywhere.getLocalPort()))
				.as("a server bound to every interface is reachable on %s", external)
				.isTrue();
		}
		assertThat(connects(InetAddress.getLoopbackAddress(), this.port)).isTrue();
		assertThatExceptionOfType(ConnectException.class).isThrownBy(() -> connects(external, this.port));
	}

	@Test
	void landingPageSaysTheDemoIdentitiesAreNotAuthentication() {
		this.client.get()
			.uri("/")
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody(String.class)
			.value((page) -> assertThat(page.replaceAll("\\s+", " ")).contains("demo identities are not authentication")
				.contains("listens on 127.0.0.1 only"));
	}

	private static boolean connects(InetAddress address, int port) throws IOException {
		try (Socket socket = new Socket()) {
			socket.connect(new InetSocketAddress(address, port), TIMEOUT_MS);
			return socket.isConnected();
		}
	}

	private static InetAddress nonLoopbackAddress() throws SocketException {
		Optional<InetAddress> address = NetworkInterface.networkInterfaces()
			.filter(ShowcaseListenAddressTests::isUp)
			.flatMap(NetworkInterface::inetAddresses)
			.filter((candidate) -> candidate instanceof Inet4Address && !candidate.isLoopbackAddress()
					&& !candidate.isLinkLocalAddress())
			.findFirst();
		return address.orElseThrow(() -> new IllegalStateException(
				"This test needs an IPv4 address other than loopback on this machine, to show the showcase does not listen there"));
	}

	private static boolean isUp(NetworkInterface networkInterface) {
		try {
			return networkInterface.isUp() && !networkInterface.isLoopback();
		}
		catch (SocketException ex) {
			return false;
		}
	}

}
