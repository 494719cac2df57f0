package io.github.agentprotocols.appcontrol.autoconfigure;

import java.net.http.HttpClient;

import io.github.agentprotocols.appcontrol.client.AppControlClient;
import io.github.agentprotocols.appcontrol.client.HttpAppControlClient;
import io.github.agentprotocols.appcontrol.config.AppControlConfig;
import io.github.agentprotocols.appcontrol.logging.LoggingToolObserver;
import io.github.agentprotocols.appcontrol.schema.ProtocolSchemas;
import io.github.agentprotocols.appcontrol.service.AppControlServiceHandler;
import io.github.agentprotocols.appcontrol.service.AppControlServiceHost;
import io.github.agentprotocols.commons.AgentProtocol;
import io.github.agentprotocols.commons.diagnostics.MissingProtocolPropertyException;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.reactive.function.server.RequestPredicates;
import org.springframework.web.reactive.function.server.RouterFunction;
import org.springframework.web.reactive.function.server.RouterFunctions;
import org.springframework.web.reactive.function.server.ServerResponse;

/**
 * Auto-configuration of app-control: the {@link AppControlConfig} bound from
 * {@code app-control.*}, the schema validator, the logging observer, an
 * HttpAppControlClient when {@code app-control.remote.url} is set, and, when
 * {@code app-control.service.enabled=true} in a reactive web application, the local
 * service host. Active unless {@code app-control.enabled=false}.
 */
@AutoConfiguration
@ConditionalOnBooleanProperty(name = "app-control.enabled", matchIfMissing = true)
@EnableConfigurationProperties(AppControlProperties.class)
public final class AppControlAutoConfiguration {

	@Bean
	AgentProtocol appControlProtocol() {
		return new AgentProtocol("appControl", "app-control", "app-control");
	}

	@Bean
	@ConditionalOnMissingBean
	AppControlConfig appControlConfig(AppControlProperties properties) {
		return new PropertiesAppControlConfig(properties).getConfig();
	}

	@Bean
	@ConditionalOnMissingBean
	ProtocolSchemas appControlProtocolSchemas() {
		return new ProtocolSchemas();
	}

	@Bean
	@ConditionalOnMissingBean
	LoggingToolObserver appControlLoggingObserver(AppControlConfig config) {
		return LoggingToolObserver.buildLoggingObserver(config, null, null);
	}

	@Bean
	@ConditionalOnMissingBean(AppControlClient.class)
	@ConditionalOnProperty("app-control.remote.url")
	HttpAppControlClient appControlRemoteClient(AppControlProperties properties, ProtocolSchemas schemas) {
		AppControlProperties.Remote remote = properties.getRemote();
		HttpClient http = HttpClient.newBuilder().connectTimeout(remote.getConnectTimeout()).build();
		return new HttpAppControlClient(remote.getUrl(), remote.getToken(), remote.getTimeout(), http, schemas);
	}

	@Configuration(proxyBeanMethods = false)
	@ConditionalOnClass(RouterFunction.class)
	@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.REACTIVE)
	@ConditionalOnBooleanProperty("app-control.service.enabled")
	static class AppControlServiceConfiguration {

		@Bean
		@ConditionalOnMissingBean
		AppControlServiceHost appControlServiceHost(AppControlProperties properties,
				ObjectProvider<AppControlClient> client, ProtocolSchemas schemas) {
			AppControlProperties.Service service = properties.getService();
			String token = service.getToken();
			if (token == null || token.isBlank()) {
				throw new MissingProtocolPropertyException("app-control.service.token", "APP_CONTROL_SERVICE_TOKEN",
						"the shared secret every ServiceRequest sent to the local service host must carry");
			}
			AppControlClient appControlClient = client.getIfAvailable();
			if (appControlClient == null) {
				throw new IllegalStateException(
						"app-control.service.enabled=true needs an AppControlClient bean to run commands on");
			}
			return new AppControlServiceHost(appControlClient, token.strip(), schemas, service.getCommandTimeout(),
					service.getResultTtl(), service.getMaxStoredResults());
		}

		@Bean
		RouterFunction<ServerResponse> appControlServiceRoutes(AppControlServiceHost host,
				AppControlProperties properties) {
			AppControlProperties.Service service = properties.getService();
			AppControlServiceHandler handler = new AppControlServiceHandler(host,
					(int) Math.min(Integer.MAX_VALUE, service.getMaxRequestSize().toBytes()));
			return RouterFunctions.route(RequestPredicates.POST(service.getPath()), handler);
		}

	}

}
