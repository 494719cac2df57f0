package io.github.agentprotocols.appcontrol.autoconfigure;

import java.util.Map;

import io.github.agentprotocols.appcontrol.config.AppControlConfig;
import io.github.agentprotocols.appcontrol.schema.ProtocolSchemas;
import io.github.agentprotocols.appcontrol.service.AppControlServiceHost;
import org.jspecify.annotations.Nullable;

import org.springframework.boot.health.contributor.AbstractHealthIndicator;
import org.springframework.boot.health.contributor.Health;

/**
 * Health of app-control: up when the nine schemas validate a probe command. Details name
 * the backend, the helper transport and, when the local service host runs, its request
 * counters.
 */
public class AppControlHealthIndicator extends AbstractHealthIndicator {

	private static final Map<String, Object> PROBE = Map.of("schema", "app_control.command.v1", "commandId", "health",
			"tool", "health", "operation", "probe", "input", Map.of());

	private final AppControlConfig config;

	private final ProtocolSchemas schemas;

	private final @Nullable AppControlServiceHost host;

	public AppControlHealthIndicator(AppControlConfig config, ProtocolSchemas schemas,
			@Nullable AppControlServiceHost host) {
		super("app-control health check failed");
		this.config = config;
		this.schemas = schemas;
		this.host = host;
	}

	@Override
	protected void doHealthCheck(Health.Builder builder) {
		this.schemas.validateProtocolPayload("command", PROBE);
		builder.up()
			.withDetail("schemas", ProtocolSchemas.protocolSchemaNames().size())
			.withDetail("backend", this.config.computerUse().backend())
			.withDetail("helperTransport", this.config.helper().transport())
			.withDetail("serviceHost", (this.host != null) ? this.host.statistics() : "disabled");
	}

}
