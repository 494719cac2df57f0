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

import java.net.Inet4Address;
import java.net.InetAddress;
import java.net.NetworkInterface;
import java.net.SocketException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;

import io.github.agentprotocols.appcontrol.ServiceResponse;
import io.github.agentprotocols.appcontrol.schema.ProtocolSchemas;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Raw HTTP requests to a running service host, from loopback or from an address of this
 * machine other than loopback, and checks of their refusals.
 */
final class ServiceHttp {

	private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

	private final int port;

	ServiceHttp(int port) {
		this.port = port;
	}

	/**
	 * A {@code run} request of {@code commandId} carrying {@code token}.
	 */
	static String run(String commandId, String token) {
		return "{\"schema\":\"app_control.service.request.v1\",\"action\":\"run\",\"token\":\"" + token
				+ "\",\"command\":{\"commandId\":\"" + commandId + "\",\"tool\":\"t\",\"operation\":\"open_app\"}}";
	}

	/**
	 * Posts {@code body} to the host at {@code address}; the connection's source is that
	 * address too, as for any address of this machine.
	 */
	HttpResponse<String> post(InetAddress address, String body, String... headers) throws Exception {
		URI endpoint = URI.create("http://" + address.getHostAddress() + ":" + this.port + "/app-control/service");
		HttpRequest.Builder request = HttpRequest.newBuilder(endpoint)
			.timeout(Duration.ofSeconds(20))
			.header("Content-Type", "application/json")
			.POST(HttpRequest.BodyPublishers.ofString(body));
		if (headers.length > 0) {
			request.headers(headers);
		}
		return this.http.send(request.build(), HttpResponse.BodyHandlers.ofString());
	}

	/**
	 * Posts {@code body} to the host on the loopback address.
	 */
	HttpResponse<String> postFromLoopback(String body, String... headers) throws Exception {
		return post(InetAddress.getLoopbackAddress(), body, headers);
	}

	/**
	 * Asserts that {@code response} is a schema-valid {@code failed} envelope with the
	 * given status and failure kind.
	 */
	static Map<String, Object> failedEnvelope(HttpResponse<String> response, int status, String failureKind) {
		assertThat(response.statusCode()).isEqualTo(status);
		assertThat(response.headers().firstValue("Content-Type"))
			.hasValueSatisfying((type) -> assertThat(type).startsWith("application/json"));
		Map<String, Object> envelope = ProtocolSchemas.shared()
			.validateProtocolJson("service_response", response.body());
		ServiceResponse parsed = ServiceResponse.fromMap(envelope);
		assertThat(parsed.success()).isFalse();
		assertThat(parsed.error().failureKind()).isEqualTo(failureKind);
		return envelope;
	}

	/**
	 * An IPv4 address of this machine other than loopback, on an interface that is up.
	 */
	static InetAddress nonLoopbackAddress() throws SocketException {
		return NetworkInterface.networkInterfaces()
			.filter(ServiceHttp::isUp)
			.flatMap(NetworkInterface::inetAddresses)
			.filter((candidate) -> candidate instanceof Inet4Address && !candidate.isLoopbackAddress()
					&& !candidate.isLinkLocalAddress())
			.findFirst()
			.orElseThrow(() -> new IllegalStateException(
					"This test needs an IPv4 address other than loopback on this machine, to reach the host as a remote client"));
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
