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

package io.github.agentprotocols.benchmarks.baseline;

import java.util.Map;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.MediaType;
import org.springframework.web.reactive.HandlerMapping;
import org.springframework.web.reactive.function.server.RouterFunction;
import org.springframework.web.reactive.function.server.RouterFunctions;
import org.springframework.web.reactive.function.server.ServerResponse;
import org.springframework.web.reactive.handler.SimpleUrlHandlerMapping;
import org.springframework.web.reactive.socket.WebSocketHandler;

/**
 * The raw baseline endpoints: a bare WebFlux JSON endpoint ({@value #JSON_PATH}) and a
 * WebSocket echo ({@value #ECHO_PATH}), with nothing of ours in between. Imported by
 * every benchmark application so that baselines run in the same server as the figures
 * divided by them.
 */
@Configuration(proxyBeanMethods = false)
public class BaselineRoutes {

	/** Path of the JSON endpoint. */
	public static final String JSON_PATH = "/baseline";

	/** Path of the endpoint that answers a POSTed JSON body with itself. */
	public static final String ECHO_JSON_PATH = "/baseline/echo";

	/** Path of the WebSocket echo endpoint. */
	public static final String ECHO_PATH = "/baseline/ws";

	@Bean
	RouterFunction<ServerResponse> baselineRoute() {
		Map<String, Object> body = Map.of("status", "ok", "value", 42);
		return RouterFunctions.route()
			.GET(JSON_PATH, (request) -> ServerResponse.ok().bodyValue(body))
			.POST(ECHO_JSON_PATH,
					(request) -> ServerResponse.ok()
						.contentType(MediaType.APPLICATION_JSON)
						.body(request.bodyToMono(String.class), String.class))
			.build();
	}

	@Bean
	HandlerMapping baselineEchoMapping() {
		WebSocketHandler echo = (session) -> session
			.send(session.receive().map((message) -> session.textMessage(message.getPayloadAsText())));
		return new SimpleUrlHandlerMapping(Map.of(ECHO_PATH, echo), -1);
	}

}
