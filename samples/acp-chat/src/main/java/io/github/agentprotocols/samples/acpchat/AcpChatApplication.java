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

package io.github.agentprotocols.samples.acpchat;

import java.net.URI;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.context.annotation.Bean;
import org.springframework.web.reactive.function.server.RequestPredicates;
import org.springframework.web.reactive.function.server.RouterFunction;
import org.springframework.web.reactive.function.server.RouterFunctions;
import org.springframework.web.reactive.function.server.ServerResponse;

/**
 * Serves the chat page ({@code /acp-chat.html}, also reached from {@code /}) on the ACP
 * starter's REST API and Socket.IO transport, with the {@link DemoAssistant}, the Spring
 * AI assistant of {@link SpringAiAssistantConfiguration} and the demo users of
 * {@link DemoUserAuthenticator}; threads are kept in memory unless
 * {@code spring.r2dbc.url} names a PostgreSQL database.
 */
@SpringBootApplication
public class AcpChatApplication {

	static final String PAGE = "/acp-chat.html";

	public static void main(String[] args) {
		SpringApplication.run(AcpChatApplication.class, args);
	}

	@Bean
	RouterFunction<ServerResponse> chatPageRoute() {
		return RouterFunctions.route(RequestPredicates.GET("/"), (request) -> {
			String query = request.uri().getRawQuery();
			return ServerResponse.temporaryRedirect(URI.create((query != null) ? PAGE + "?" + query : PAGE)).build();
		});
	}

}
