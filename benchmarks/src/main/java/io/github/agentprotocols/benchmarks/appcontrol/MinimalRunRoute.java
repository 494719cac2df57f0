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

package io.github.agentprotocols.benchmarks.appcontrol;

import java.util.UUID;

import io.github.agentprotocols.appcontrol.ServiceRequest;
import io.github.agentprotocols.appcontrol.ServiceResponse;
import io.github.agentprotocols.appcontrol.client.AppControlClient;
import io.github.agentprotocols.appcontrol.schema.ProtocolSchemas;
import io.github.agentprotocols.appcontrol.service.AppControlServiceHost;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.MediaType;
import org.springframework.web.reactive.function.server.RequestPredicates;
import org.springframework.web.reactive.function.server.RouterFunction;
import org.springframework.web.reactive.function.server.RouterFunctions;
import org.springframework.web.reactive.function.server.ServerResponse;

/**
 * The least WebFlux handler doing the work the service host does for a {@code run}
 * request, the baseline of the host's own HTTP path on the same server: a plain route
 * that reads the body as text, accepts it ({@link AppControlServiceHost#accept(String)}:
 * parse, token, strict validation, model), runs the command on a bounded elastic thread
 * (clients block), validates the {@code complete} response against its schema and writes
 * its JSON. No observation, body limit or refusal handling.
 */
@Configuration(proxyBeanMethods = false)
class MinimalRunRoute {

	/** Path of the route. */
	static final String PATH = "/minimal/app-control/service";

	@Bean
	RouterFunction<ServerResponse> minimalRunRoutes(AppControlServiceHost host, AppControlClient client,
			ProtocolSchemas schemas) {
		return RouterFunctions.route(RequestPredicates.POST(PATH), (request) -> request.bodyToMono(String.class)
			.map(host::accept)
			.flatMap((run) -> Mono.fromCallable(() -> complete(client, run)).subscribeOn(Schedulers.boundedElastic()))
			.flatMap((response) -> {
				schemas.validateProtocolPayload("service_response", response.toMap());
				return ServerResponse.ok().contentType(MediaType.APPLICATION_JSON).bodyValue(response.toJson());
			}));
	}

	private static ServiceResponse complete(AppControlClient client, ServiceRequest run) {
		String requestId = "req_" + UUID.randomUUID().toString().replace("-", "");
		return ServiceResponse.complete(client.runCommand(run.command()), requestId);
	}

}
