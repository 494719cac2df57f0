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

package io.github.agentprotocols.benchmarks.acp;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

import com.fasterxml.jackson.databind.util.RawValue;
import io.github.agentprotocols.acp.AcpIds;
import io.github.agentprotocols.acp.wire.AcpJson;
import io.github.agentprotocols.acp.wire.AcpTimestamps;
import io.github.agentprotocols.benchmarks.baseline.SocketIoRoomServer;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.web.reactive.function.server.RouterFunction;
import org.springframework.web.reactive.function.server.RouterFunctions;
import org.springframework.web.reactive.function.server.ServerResponse;

/**
 * The raw baseline of the ACP fan-out figures: a bare netty-socketio server
 * ({@link SocketIoRoomServer}) beside the starter's, and {@value #MESSAGES_PATH}, a bare
 * WebFlux handler that emits the posted message to the room {@code thread:<threadId>} of
 * that server as an object of the same fields and size as the starter's message event
 * (ids, author, timestamp, the posted client id and content), then answers 201 with it.
 * Like the starter, it writes the object to JSON once and hands netty-socketio the text
 * to emit verbatim (netty-socketio would otherwise write an object to JSON once per
 * socket). Nothing is stored, authenticated or gated.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnProperty(AcpBenchmarkApplication.RAW_SOCKETIO_PROPERTY)
class RawSocketIoRoutes {

	/** Path of the raw broadcast. */
	static final String MESSAGES_PATH = "/bench/raw/socketio/threads/{threadId}/messages";

	/** Path answering the raw server's port, for a driver in another process. */
	static final String PORT_PATH = "/bench/raw/socketio/port";

	private static final ParameterizedTypeReference<Map<String, Object>> JSON_OBJECT = new ParameterizedTypeReference<>() {
	};

	private static final JsonMapper mapper = JsonMapper.builder().build();

	@Bean(destroyMethod = "close")
	SocketIoRoomServer rawSocketIoRoomServer() {
		return SocketIoRoomServer.start();
	}

	@Bean
	RouterFunction<ServerResponse> rawSocketIoRoutes(SocketIoRoomServer server) {
		Map<?, ?> author = mapper.readValue(AcpJson.write(AcpBenchmarkApplication.USER), Map.class);
		return RouterFunctions.route()
			.GET(PORT_PATH, (request) -> ServerResponse.ok().bodyValue(Integer.toString(server.port())))
			.POST(MESSAGES_PATH, (request) -> request.bodyToMono(JSON_OBJECT).flatMap((body) -> {
				String threadId = request.pathVariable("threadId");
				Map<String, Object> event = new LinkedHashMap<>();
				event.put("id", AcpIds.event());
				event.put("thread_id", threadId);
				event.put("run_id", null);
				event.put("author", author);
				event.put("created_at", AcpTimestamps.format(Instant.now()));
				event.put("metadata", Map.of());
				event.put("client_id", body.get("client_id"));
				event.put("type", "message");
				event.put("content", body.get("content"));
				String json = mapper.writeValueAsString(event);
				server.broadcast("thread:" + threadId, new RawValue(json));
				return ServerResponse.status(HttpStatus.CREATED)
					.contentType(MediaType.APPLICATION_JSON)
					.bodyValue(json);
			}))
			.build();
	}

}
