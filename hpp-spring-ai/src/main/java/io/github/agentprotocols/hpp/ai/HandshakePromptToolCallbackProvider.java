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

import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.List;

import io.github.agentprotocols.commons.ai.ContextFreeToolCallback;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.ai.tool.ToolCallback;
import org.springframework.ai.tool.ToolCallbackProvider;
import org.springframework.ai.tool.definition.ToolDefinition;
import org.springframework.ai.tool.execution.ToolExecutionException;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.web.client.RestClient;
import org.springframework.web.client.RestClientException;

/**
 * The tools a Spring AI agent uses to follow a pasted handshake prompt:
 * {@code hpp_context}, {@code hpp_diff}, {@code hpp_action} and {@code hpp_extend}, each
 * one request of the HPP HTTP API with the prompt's token. The model never handles the
 * credentials. A tool's result is the response body, a refusal's {@code {"error": ...}}
 * included; only a request that gets no response fails the call.
 */
public final class HandshakePromptToolCallbackProvider implements ToolCallbackProvider {

	private static final String TOKEN_HEADER = "X-Handshake-Token";

	private static final JsonMapper json = JsonMapper.builder().build();

	private final List<ToolCallback> tools;

	/**
	 * A provider for one prompt.
	 * @param prompt the pasted prompt
	 * @param restClient the client that sends the requests (for example built from the
	 * application's {@code RestClient.Builder})
	 * @throws IllegalArgumentException if the prompt lacks a credentials line
	 */
	public HandshakePromptToolCallbackProvider(String prompt, RestClient restClient) {
		this(HandshakePrompt.parse(prompt), restClient);
	}

	/**
	 * A provider for a parsed prompt.
	 * @param prompt the prompt's credentials
	 * @param restClient the client that sends the requests
	 */
	public HandshakePromptToolCallbackProvider(HandshakePrompt prompt, RestClient restClient) {
		String sid = prompt.sessionId();
		this.tools = List.of(
				new Request(definition("hpp_context",
						"Reads the form: its fields (schema), current values and the keys still missing.", "{}"),
						HttpMethod.GET, prompt.endpoint() + "/context/" + sid, prompt.token(), restClient),
				new Request(definition("hpp_diff",
						"Reads the changes to the form's values after a timestamp (the newest 50 without one).",
						"{\"since\": {\"type\": \"string\", \"description\": \"a timestamp of an earlier change\"}}"),
						HttpMethod.GET, prompt.endpoint() + "/diff/" + sid, prompt.token(), restClient),
				new Request(definition("hpp_action",
						"Sets field values; fields the user filled in are refused. The user sees each value appear.",
						"{\"actions\": {\"type\": \"array\", \"items\": {\"type\": \"object\", \"properties\": "
								+ "{\"type\": {\"const\": \"set\"}, \"key\": {\"type\": \"string\"}, \"value\": {}}, "
								+ "\"required\": [\"type\", \"key\"]}}}"),
						HttpMethod.POST, prompt.endpoint() + "/action/" + sid, prompt.token(), restClient),
				new Request(
						definition("hpp_extend",
								"Asks for more time, when a long task needs it; the server may refuse.",
								"{\"extraSeconds\": {\"type\": \"integer\", \"minimum\": 1}}"),
						HttpMethod.POST, prompt.endpoint() + "/session/" + sid + "/extend", prompt.token(),
						restClient));
	}

	@Override
	public ToolCallback[] getToolCallbacks() {
		return this.tools.toArray(ToolCallback[]::new);
	}

	private static ToolDefinition definition(String name, String description, String properties) {
		return ContextFreeToolCallback.objectOf(name, description, properties);
	}

	/**
	 * One endpoint of the API as a tool: a GET sends the input's {@code since} as the
	 * query, a POST sends the input as the body.
	 */
	private static final class Request extends ContextFreeToolCallback {

		private final HttpMethod method;

		private final String url;

		private final String token;

		private final RestClient client;

		Request(ToolDefinition definition, HttpMethod method, String url, String token, RestClient client) {
			super(definition);
			this.method = method;
			this.url = url;
			this.token = token;
			this.client = client;
		}

		@Override
		public String call(String toolInput) {
			String input = toolInput.isBlank() ? "{}" : toolInput;
			try {
				RestClient.RequestBodySpec request = this.client.method(this.method)
					.uri(uri(input))
					.header(TOKEN_HEADER, this.token)
					.accept(MediaType.APPLICATION_JSON);
				if (this.method == HttpMethod.POST) {
					request.contentType(MediaType.APPLICATION_JSON).body(input);
				}
				return request
					.exchange((req, response) -> new String(response.getBody().readAllBytes(), StandardCharsets.UTF_8));
			}
			catch (RestClientException | JacksonException ex) {
				throw new ToolExecutionException(getToolDefinition(), ex);
			}
		}

		private URI uri(String input) {
			JsonNode since = (this.method == HttpMethod.GET) ? json.readTree(input).get("since") : null;
			return URI.create((since != null && since.isString() && !since.stringValue().isEmpty())
					? this.url + "?since=" + URLEncoder.encode(since.stringValue(), StandardCharsets.UTF_8) : this.url);
		}

	}

}
