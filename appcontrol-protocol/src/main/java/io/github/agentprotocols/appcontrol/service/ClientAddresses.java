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
import java.net.UnknownHostException;
import java.util.regex.Pattern;

import org.jspecify.annotations.Nullable;

/**
 * The address of a request's client: the connection's peer, or the forwarded client that
 * Spring's forwarded-header support leaves unresolved. Only address literals are read,
 * never a name, so a forwarded header never causes a DNS lookup. The HTTP transport and
 * the MCP endpoint of {@code appcontrol-spring-ai} read it alike.
 */
public final class ClientAddresses {

	private static final Pattern IPV4 = Pattern
		.compile("(25[0-5]|2[0-4]\\d|1\\d\\d|[1-9]?\\d)(\\.(25[0-5]|2[0-4]\\d|1\\d\\d|[1-9]?\\d)){3}");

	private static final Pattern IPV6 = Pattern.compile("[0-9A-Fa-f:.]*:[0-9A-Fa-f:.]*");

	private ClientAddresses() {
	}

	/**
	 * Whether the client is on this machine: its address is a loopback address literal.
	 * @param client the client
	 * @return false for a name or anything else that is not a loopback address
	 */
	public static boolean isLoopback(InetSocketAddress client) {
		InetAddress address = literal(client);
		return address != null && address.isLoopbackAddress();
	}

	/**
	 * The client's address as text, as a throttle counts it.
	 * @param client the client
	 * @return the address, or the unresolved host as given
	 */
	public static String text(InetSocketAddress client) {
		return (client.getAddress() != null) ? client.getAddress().getHostAddress() : client.getHostString();
	}

	private static @Nullable InetAddress literal(InetSocketAddress client) {
		if (client.getAddress() != null) {
			return client.getAddress();
		}
		String host = client.getHostString();
		if (host.startsWith("[") && host.endsWith("]")) {
			host = host.substring(1, host.length() - 1);
		}
		// the JDK reads both forms as literals, without a lookup (an invalid IPv6 one
		// fails)
		if (!IPV4.matcher(host).matches() && !IPV6.matcher(host).matches()) {
			return null;
		}
		try {
			return InetAddress.getByName(host);
		}
		catch (UnknownHostException ex) {
			return null;
		}
	}

}
