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

package io.github.agentprotocols.hpp;

import java.util.ArrayList;
import java.util.List;

import org.jspecify.annotations.Nullable;

/**
 * The reference server's prompt layout: credentials, optional instructions, usage lines
 * with the real endpoint URLs, security notes.
 */
public class DefaultPromptBuilder implements PromptBuilder {

	private final String prefix;

	/**
	 * Creates a builder.
	 * @param prefix the HTTP route prefix as the agent sees it (after the base URL)
	 */
	public DefaultPromptBuilder(String prefix) {
		this.prefix = prefix;
	}

	@Override
	public String build(HandshakeSession session, String baseUrl, @Nullable String instructions, long expiresIn) {
		String base = baseUrl.endsWith("/") ? baseUrl.substring(0, baseUrl.length() - 1) : baseUrl;
		String endpoint = base + this.prefix;
		String sid = session.getId();
		List<String> lines = new ArrayList<>();
		lines.add("# Handshake Prompt - " + session.getModeText());
		lines.add("");
		lines.add("## Credentials");
		lines.add("- sessionId: " + sid);
		lines.add("- token: " + session.getToken());
		lines.add("- baseUrl: " + baseUrl);
		lines.add("- mode: " + session.getModeText());
		lines.add("- expiresIn: " + expiresIn + "s");
		lines.add("- grant: short-lived-by-default, extendable-by-server-policy");
		lines.add("");
		if (instructions != null && !instructions.isEmpty()) {
			lines.add("## Instructions");
			lines.add(instructions);
			lines.add("");
		}
		lines.add("## Usage");
		lines.add("1. GET  " + endpoint + "/context/" + sid + "   (header X-Handshake-Token: <token>)");
		lines.add("2. POST " + endpoint + "/action/" + sid
				+ "    {\"actions\":[{\"type\":\"set\",\"key\":...,\"value\":...}]}");
		lines.add(
				"3. POST " + endpoint + "/session/" + sid + "/extend  {\"extraSeconds\":1800}  (optional, long tasks)");
		lines.add("");
		lines.add("## Security Notes");
		lines.add("- The token expires in " + expiresIn
				+ " seconds; only the server can agree to extend it (POST .../extend).");
		lines.add("- Do not forward this prompt to anyone or any other tool.");
		lines.add("- The server refuses to overwrite fields the user filled in or edited.");
		lines.add("");
		lines.add("## Waiting for user's request...");
		return String.join("\n", lines);
	}

}
