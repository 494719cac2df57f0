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

import java.net.InetAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.jspecify.annotations.Nullable;

/**
 * Refuses a plain {@code http://} server URL unless its host is a loopback address:
 * {@code localhost} or a literal IP address of 127.0.0.0/8 or {@code ::1}. Host names are
 * never resolved, so a name that resolves to a loopback address counts as any other name.
 */
final class ServerUrlCheck {

	private static final Pattern IPV4 = Pattern.compile("(\\d{1,3})\\.(\\d{1,3})\\.(\\d{1,3})\\.(\\d{1,3})");

	private ServerUrlCheck() {
	}

	/**
	 * Checks a server URL.
	 * @param serverUrl the server URL
	 * @param allowInsecureHttp whether plain HTTP to any host is allowed
	 * @throws InsecureServerUrlException if the URL is plain HTTP to a host that is not a
	 * loopback address, and that is not allowed
	 */
	static void check(String serverUrl, boolean allowInsecureHttp) {
		if (allowInsecureHttp) {
			return;
		}
		URI uri = URI.create(serverUrl);
		if ("http".equalsIgnoreCase(uri.getScheme()) && !isLoopback(uri.getHost())) {
			throw new InsecureServerUrlException(serverUrl);
		}
	}

	static boolean isLoopback(@Nullable String host) {
		if (host == null) {
			return false;
		}
		String name = host.toLowerCase(Locale.ROOT);
		if (name.equals("localhost") || name.equals("localhost.")) {
			return true;
		}
		if (name.startsWith("[") && name.endsWith("]")) {
			return isLoopbackIpv6(name);
		}
		Matcher ipv4 = IPV4.matcher(name);
		if (!ipv4.matches() || !ipv4.group(1).equals("127")) {
			return false;
		}
		for (int octet = 2; octet <= 4; octet++) {
			if (Integer.parseInt(ipv4.group(octet)) > 255) {
				return false;
			}
		}
		return true;
	}

	/**
	 * Whether a bracketed IPv6 literal is a loopback address; the JDK parses a bracketed
	 * host as a literal, never resolving it.
	 */
	private static boolean isLoopbackIpv6(String bracketed) {
		try {
			return InetAddress.getByName(bracketed).isLoopbackAddress();
		}
		catch (UnknownHostException ex) {
			return false;
		}
	}

}
