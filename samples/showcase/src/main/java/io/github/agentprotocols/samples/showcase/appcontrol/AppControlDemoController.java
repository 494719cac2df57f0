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

package io.github.agentprotocols.samples.showcase.appcontrol;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import io.github.agentprotocols.appcontrol.AppControlJson;
import io.github.agentprotocols.appcontrol.ServiceAction;
import io.github.agentprotocols.appcontrol.ServiceRequest;
import io.github.agentprotocols.appcontrol.autoconfigure.AppControlProperties;
import io.github.agentprotocols.appcontrol.service.AppControlServiceHost;
import io.github.agentprotocols.appcontrol.service.ServiceRejection;
import io.github.agentprotocols.commons.web.ReactorNettyExchange;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import reactor.core.publisher.Flux;
import reactor.netty.channel.AbortedException;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.http.codec.ServerSentEvent;
import org.springframework.http.server.reactive.ServerHttpRequest;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ResponseStatusException;

/**
 * The app-control page's endpoints ({@code static/app-control.html}): the demo commands,
 * and a run of one. A run's command goes to the {@link AppControlServiceHost} that also
 * serves {@code app-control.service.path}, wrapped in a {@code stream} service request
 * that carries the host's token, so the token never reaches the browser. The answer is
 * the host's: its envelopes as server-sent events ({@code event: event} per command
 * event, then {@code event: complete} with the observation), or its refusal envelope with
 * the host's HTTP status.
 */
@RestController
@RequestMapping("/app-control/demo")
class AppControlDemoController {

	private static final Log logger = LogFactory.getLog(AppControlDemoController.class);

	private final ObjectProvider<AppControlServiceHost> hosts;

	private final ObjectProvider<AppControlProperties> properties;

	AppControlDemoController(ObjectProvider<AppControlServiceHost> hosts,
			ObjectProvider<AppControlProperties> properties) {
		this.hosts = hosts;
		this.properties = properties;
	}

	@GetMapping("/commands")
	Catalogue commands() {
		return new Catalogue(DemoDesktopClient.TOOL, DemoDesktopClient.COMMANDS);
	}

	@PostMapping("/runs")
	ResponseEntity<?> run(@RequestBody Map<String, Object> command, ServerHttpRequest httpRequest) {
		AppControlServiceHost host = this.hosts.getIfAvailable();
		AppControlProperties properties = this.properties.getIfAvailable();
		if (host == null || properties == null) {
			throw new ResponseStatusException(HttpStatus.SERVICE_UNAVAILABLE,
					"No app-control service host: app-control.service.enabled is false");
		}
		Map<String, Object> envelope = new LinkedHashMap<>();
		envelope.put("schema", ServiceRequest.SCHEMA);
		envelope.put("action", ServiceAction.STREAM.wireValue());
		envelope.put("token", properties.getService().getToken());
		envelope.put("command", withDefaults(command));
		try {
			ServiceRequest request = host.accept(envelope);
			return ResponseEntity.ok()
				.contentType(MediaType.TEXT_EVENT_STREAM)
				.body(ReactorNettyExchange.onEventLoop(httpRequest, events(host, request)));
		}
		catch (ServiceRejection rejection) {
			return ResponseEntity.status(rejection.getHttpStatus())
				.contentType(MediaType.APPLICATION_JSON)
				.body(rejection.getResponse().toMap());
		}
	}

	/**
	 * A body the client cut short by closing the connection: the peer's doing, answered
	 * as the service host answers it (400 {@code invalid_json}) and logged at DEBUG,
	 * rather than left to Spring, which logs ERROR and answers 500.
	 */
	@ExceptionHandler(AbortedException.class)
	ResponseEntity<Map<String, Object>> abandoned(AbortedException ex) {
		logger.debug("app-control demo run abandoned by the client: " + ex);
		ServiceRejection rejection = ServiceRejection.incomplete();
		return ResponseEntity.status(rejection.getHttpStatus())
			.contentType(MediaType.APPLICATION_JSON)
			.body(rejection.getResponse().toMap());
	}

	private static Map<String, Object> withDefaults(Map<String, Object> command) {
		Map<String, Object> complete = new LinkedHashMap<>(command);
		complete.putIfAbsent("commandId", "cmd_" + UUID.randomUUID().toString().replace("-", ""));
		complete.putIfAbsent("tool", DemoDesktopClient.TOOL);
		return complete;
	}

	private static Flux<ServerSentEvent<String>> events(AppControlServiceHost host, ServiceRequest request) {
		return host.stream(request)
			.map((envelope) -> ServerSentEvent.builder(AppControlJson.write(envelope))
				.id(String.valueOf(envelope.get("requestId")))
				.event(String.valueOf(envelope.get("status")))
				.build());
	}

	record Catalogue(String tool, List<DemoCommand> commands) {
	}

}
