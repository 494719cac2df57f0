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

package io.github.agentprotocols.hpp.ai;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.jspecify.annotations.Nullable;

/**
 * The credentials of a pasted handshake prompt, and where its HTTP endpoints are.
 *
 * @param sessionId the {@code - sessionId: } line
 * @param token the {@code - token: } line
 * @param baseUrl the {@code - baseUrl: } line
 * @param endpoint the URL the endpoints' paths ({@code /context/<sessionId>}, ...)
 * follow: from the prompt's usage line {@code GET <endpoint>/context/<sessionId>}, else
 * the base URL followed by the default prefix {@value #DEFAULT_PREFIX}
 */
public record HandshakePrompt(String sessionId, String token, String baseUrl, String endpoint) {

	/** The prefix of the HTTP endpoints when the prompt does not show it. */
	public static final String DEFAULT_PREFIX = "/handshake";

	/**
	 * Reads a prompt.
	 * @param prompt the pasted prompt
	 * @return its credentials
	 * @throws IllegalArgumentException if a credentials line is missing
	 */
	public static HandshakePrompt parse(String prompt) {
		String sessionId = line(prompt, "sessionId");
		String token = line(prompt, "token");
		String baseUrl = line(prompt, "baseUrl");
		Matcher usage = Pattern.compile("(?m)^\\s*\\d+\\.\\s+GET\\s+(\\S+)/context/" + Pattern.quote(sessionId) + "\\b")
			.matcher(prompt);
		String endpoint = usage.find() ? usage.group(1) : baseUrl.replaceAll("/+$", "") + DEFAULT_PREFIX;
		return new HandshakePrompt(sessionId, token, baseUrl, endpoint);
	}

	private static String line(String prompt, String name) {
		Matcher matcher = Pattern.compile("(?m)^\\s*-\\s*" + name + ":[ \\t]*(\\S+)[ \\t]*$").matcher(prompt);
		@Nullable String value = matcher.find() ? matcher.group(1) : null;
		if (value == null) {
			throw new IllegalArgumentException("The handshake prompt has no '- " + name + ": ' line");
		}
		return value;
	}

}
