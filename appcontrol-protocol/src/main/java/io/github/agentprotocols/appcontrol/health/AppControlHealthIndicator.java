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

package io.github.agentprotocols.appcontrol.health;

import java.util.Map;

import io.github.agentprotocols.appcontrol.ToolCommand;
import io.github.agentprotocols.appcontrol.config.AppControlConfig;
import io.github.agentprotocols.appcontrol.schema.ProtocolSchemas;
import io.github.agentprotocols.appcontrol.service.AppControlServiceHost;
import org.jspecify.annotations.Nullable;
import reactor.core.publisher.Mono;

import org.springframework.boot.health.contributor.AbstractReactiveHealthIndicator;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.ReactiveHealthIndicator;

/**
 * A {@link ReactiveHealthIndicator} for app-control: up when the nine schemas validate a
 * probe command. Details name the backend, the helper transport and, when the local
 * service host runs, its request counters. Nothing it does blocks.
 */
public class AppControlHealthIndicator extends AbstractReactiveHealthIndicator {

	private static final Map<String, Object> PROBE = new ToolCommand("health", "health", "probe").toMap();

	private final AppControlConfig config;

	private final ProtocolSchemas schemas;

	private final @Nullable AppControlServiceHost host;

	/**
	 * An indicator.
	 * @param config the configuration whose backend and transport are reported
	 * @param schemas the validator to probe
	 * @param host the local service host, or null when it is not running
	 */
	public AppControlHealthIndicator(AppControlConfig config, ProtocolSchemas schemas,
			@Nullable AppControlServiceHost host) {
		super("app-control health check failed");
		this.config = config;
		this.schemas = schemas;
		this.host = host;
	}

	@Override
	protected Mono<Health> doHealthCheck(Health.Builder builder) {
		return Mono.fromSupplier(() -> {
			this.schemas.validateProtocolPayload("command", PROBE);
			return builder.up()
				.withDetail("schemas", ProtocolSchemas.protocolSchemaNames().size())
				.withDetail("backend", this.config.computerUse().backend())
				.withDetail("helperTransport", this.config.helper().transport())
				.withDetail("serviceHost", (this.host != null) ? this.host.statistics() : "disabled")
				.build();
		});
	}

}
