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
import java.util.List;
import java.util.Map;

import io.github.agentprotocols.acp.wire.AcpJson;
import io.r2dbc.postgresql.codec.Json;
import io.r2dbc.spi.ConnectionFactory;
import reactor.core.publisher.Mono;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.util.RawValue;

import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.http.HttpStatus;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.web.reactive.function.server.RouterFunction;
import org.springframework.web.reactive.function.server.RouterFunctions;
import org.springframework.web.reactive.function.server.ServerRequest;
import org.springframework.web.reactive.function.server.ServerResponse;

/**
 * The raw baseline endpoints of the ACP figures, bare WebFlux handlers doing one
 * {@link RawEvents} statement each on the starter's events table, without authentication,
 * gates or the starter's JSON mapping: {@value #MESSAGES_PATH} inserts the posted
 * message, {@value #EVENTS_PATH} reads a page of rows (query parameters {@code limit},
 * {@code cursor_created_at}, {@code cursor_id}, answered as {@code {items, next_cursor}}
 * like the starter's page).
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnProperty(AcpBenchmarkApplication.R2DBC_URL_PROPERTY)
class RawEventRoutes {

	/** Path of the raw message insert. */
	static final String MESSAGES_PATH = "/bench/raw/threads/{threadId}/messages";

	/** Path of the raw page read. */
	static final String EVENTS_PATH = "/bench/raw/threads/{threadId}/events";

	private static final ParameterizedTypeReference<Map<String, Object>> JSON_OBJECT = new ParameterizedTypeReference<>() {
	};

	private static final JsonMapper mapper = JsonMapper.builder().build();

	@Bean
	RawEvents rawEvents(ConnectionFactory connectionFactory) {
		return new RawEvents(DatabaseClient.create(connectionFactory));
	}

	@Bean
	RouterFunction<ServerResponse> rawEventRoutes(RawEvents events) {
		String author = AcpJson.write(AcpBenchmarkApplication.USER);
		String authorId = AcpBenchmarkApplication.USER.id();
		return RouterFunctions.route()
			.POST(MESSAGES_PATH,
					(request) -> request.bodyToMono(JSON_OBJECT)
						.flatMap((body) -> events.insertMessage(request.pathVariable("threadId"), authorId, author,
								mapper.writeValueAsString(Map.of("content", body.get("content"))),
								(String) body.get("client_id")))
						.flatMap((inserted) -> ServerResponse.status(HttpStatus.CREATED).bodyValue(inserted)))
			.GET(EVENTS_PATH, (request) -> page(events, request))
			.build();
	}

	private static Mono<ServerResponse> page(RawEvents events, ServerRequest request) {
		int limit = Integer.parseInt(request.queryParam("limit").orElse("100"));
		Instant after = request.queryParam("cursor_created_at").map(Instant::parse).orElse(null);
		return events.page(request.pathVariable("threadId"), limit, after, request.queryParam("cursor_id").orElse(null))
			.flatMap((rows) -> {
				List<Map<String, Object>> items = rows.subList(0, Math.min(limit, rows.size()))
					.stream()
					.map(RawEventRoutes::rawJson)
					.toList();
				Map<String, Object> page = new LinkedHashMap<>();
				page.put("items", items);
				page.put("next_cursor", (rows.size() > limit) ? cursor(items.get(items.size() - 1)) : null);
				return ServerResponse.ok().bodyValue(page);
			});
	}

	private static Map<String, Object> rawJson(Map<String, Object> row) {
		Map<String, Object> item = new LinkedHashMap<>();
		row.forEach((column, value) -> item.put(column,
				(value instanceof Json json) ? new RawValue(json.asString()) : value));
		return item;
	}

	private static Map<String, Object> cursor(Map<String, Object> last) {
		return Map.of("created_at", last.get("created_at"), "id", last.get("id"));
	}

}
