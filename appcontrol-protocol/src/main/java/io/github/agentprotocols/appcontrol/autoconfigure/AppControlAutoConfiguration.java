package io.github.agentprotocols.appcontrol.autoconfigure;

import java.net.URI;
import java.net.http.HttpClient;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;

import io.github.agentprotocols.appcontrol.HelperRequest;
import io.github.agentprotocols.appcontrol.client.AbstractServiceHostClient;
import io.github.agentprotocols.appcontrol.client.AppControlClient;
import io.github.agentprotocols.appcontrol.client.HelperAppControlClient;
import io.github.agentprotocols.appcontrol.client.HelperTransport;
import io.github.agentprotocols.appcontrol.client.HttpAppControlClient;
import io.github.agentprotocols.appcontrol.client.UnixSocketAppControlClient;
import io.github.agentprotocols.appcontrol.client.UnixSocketHelperTransport;
import io.github.agentprotocols.appcontrol.config.AppControlConfig;
import io.github.agentprotocols.appcontrol.config.HelperConfig;
import io.github.agentprotocols.appcontrol.logging.LoggingToolObserver;
import io.github.agentprotocols.appcontrol.schema.ProtocolSchemas;
import io.github.agentprotocols.appcontrol.service.AppControlServiceHandler;
import io.github.agentprotocols.appcontrol.service.AppControlServiceHost;
import io.github.agentprotocols.appcontrol.service.UnixSocketServiceServer;
import io.github.agentprotocols.appcontrol.unix.SocketPaths;
import io.github.agentprotocols.commons.AgentProtocol;
import io.github.agentprotocols.commons.diagnostics.MissingProtocolPropertyException;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.AnyNestedCondition;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Conditional;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.reactive.function.server.RequestPredicates;
import org.springframework.web.reactive.function.server.RouterFunction;
import org.springframework.web.reactive.function.server.RouterFunctions;
import org.springframework.web.reactive.function.server.ServerResponse;

/**
 * Auto-configuration of app-control: the {@link AppControlConfig} bound from
 * {@code app-control.*}, the schema validator, the logging observer, the application's
 * {@link AppControlClient} (an HttpAppControlClient or UnixSocketAppControlClient when
 * {@code app-control.remote.url} is set, otherwise a HelperAppControlClient over the
 * helper's Unix socket when {@code app-control.computer-use.backend=helper}), and, when
 * {@code app-control.service.enabled=true}, the local service host: on HTTP in a reactive
 * web application, on a Unix domain socket when {@code app-control.service.socket-path}
 * is set. Active unless {@code app-control.enabled=false}.
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
	AbstractServiceHostClient appControlRemoteClient(AppControlProperties properties, ProtocolSchemas schemas) {
		AppControlProperties.Remote remote = properties.getRemote();
		URI url = remote.getUrl();
		if ("unix".equalsIgnoreCase(url.getScheme())) {
			String path = (url.getPath() != null && !url.getPath().isEmpty()) ? url.getPath()
					: url.getSchemeSpecificPart();
			return new UnixSocketAppControlClient(SocketPaths.of(path), remote.getToken(), remote.getTimeout(),
					schemas);
		}
		HttpClient http = HttpClient.newBuilder().connectTimeout(remote.getConnectTimeout()).build();
		return new HttpAppControlClient(url, remote.getToken(), remote.getTimeout(), http, schemas);
	}

	@Configuration(proxyBeanMethods = false)
	@Conditional(OnHelperBackendCondition.class)
	static class AppControlHelperConfiguration {

		@Bean
		@ConditionalOnMissingBean
		HelperTransport appControlHelperTransport(AppControlConfig config) {
			HelperConfig helper = config.helper();
			if (!HelperConfig.DEFAULTS.transport().equals(helper.transport())) {
				throw new IllegalStateException("unsupported helper transport: " + helper.transport()
						+ " (app-control.helper.transport must be " + HelperConfig.DEFAULTS.transport() + ")");
			}
			if (helper.endpoint() == null) {
				throw new MissingProtocolPropertyException("app-control.helper.endpoint", "APP_CONTROL_HELPER_ENDPOINT",
						"the helper's Unix socket, which app-control.computer-use.backend=helper sends commands to");
			}
			return new UnixSocketHelperTransport(SocketPaths.of(helper.endpoint()),
					Duration.ofMillis(config.computerUse().timeoutMs()));
		}

		@Bean
		@ConditionalOnMissingBean(AppControlClient.class)
		HelperAppControlClient appControlHelperClient(HelperTransport transport, AppControlConfig config,
				ProtocolSchemas schemas) {
			Map<String, Object> metadata = new LinkedHashMap<>();
			if (config.helper().bundleId() != null) {
				metadata.put("bundleId", config.helper().bundleId());
			}
			metadata.put("apiVersion", HelperRequest.API_VERSION);
			return new HelperAppControlClient(transport, config.helper().token(), metadata, schemas);
		}

	}

	@Configuration(proxyBeanMethods = false)
	@ConditionalOnBooleanProperty("app-control.service.enabled")
	@Conditional(OnServiceTransportCondition.class)
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

		@Configuration(proxyBeanMethods = false)
		@ConditionalOnClass(RouterFunction.class)
		@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.REACTIVE)
		static class AppControlHttpServiceConfiguration {

			@Bean
			RouterFunction<ServerResponse> appControlServiceRoutes(AppControlServiceHost host,
					AppControlProperties properties) {
				AppControlProperties.Service service = properties.getService();
				AppControlServiceHandler handler = new AppControlServiceHandler(host, maxRequestBytes(service));
				return RouterFunctions.route(RequestPredicates.POST(service.getPath()), handler);
			}

		}

		@Configuration(proxyBeanMethods = false)
		@ConditionalOnProperty("app-control.service.socket-path")
		static class AppControlUnixSocketServiceConfiguration {

			@Bean
			@ConditionalOnMissingBean
			UnixSocketServiceServer appControlUnixSocketServer(AppControlServiceHost host,
					AppControlProperties properties) {
				AppControlProperties.Service service = properties.getService();
				return new UnixSocketServiceServer(host, SocketPaths.of(service.getSocketPath().strip()),
						maxRequestBytes(service), service.getSocketTimeout());
			}

			@Bean
			UnixSocketServiceLifecycle appControlUnixSocketServerLifecycle(UnixSocketServiceServer server) {
				return new UnixSocketServiceLifecycle(server);
			}

		}

		private static int maxRequestBytes(AppControlProperties.Service service) {
			return (int) Math.min(Integer.MAX_VALUE, service.getMaxRequestSize().toBytes());
		}

	}

	/**
	 * The service host has a transport: a reactive web application, or a socket path.
	 */
	static class OnServiceTransportCondition extends AnyNestedCondition {

		OnServiceTransportCondition() {
			super(ConfigurationPhase.REGISTER_BEAN);
		}

		@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.REACTIVE)
		static class ReactiveWebApplication {

		}

		@ConditionalOnProperty("app-control.service.socket-path")
		static class SocketPath {

		}

	}

}
