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

package io.github.agentprotocols.appcontrol.autoconfigure;

import java.time.Clock;
import java.util.concurrent.ThreadFactory;

import io.github.agentprotocols.appcontrol.AppControlException;
import io.github.agentprotocols.appcontrol.AppControlMetrics;
import io.github.agentprotocols.appcontrol.client.AbstractServiceHostClient;
import io.github.agentprotocols.appcontrol.client.AppControlClient;
import io.github.agentprotocols.appcontrol.client.HelperAppControlClient;
import io.github.agentprotocols.appcontrol.client.HelperTransport;
import io.github.agentprotocols.appcontrol.config.AppControlConfig;
import io.github.agentprotocols.appcontrol.logging.LoggingToolObserver;
import io.github.agentprotocols.appcontrol.observation.ClientRequestObservationConvention;
import io.github.agentprotocols.appcontrol.observation.HelperRequestObservationConvention;
import io.github.agentprotocols.appcontrol.observation.ServiceCommandObservationConvention;
import io.github.agentprotocols.appcontrol.observation.ServiceRequestObservationConvention;
import io.github.agentprotocols.appcontrol.schema.ProtocolSchemas;
import io.github.agentprotocols.appcontrol.service.AppControlServiceHost;
import io.github.agentprotocols.appcontrol.service.ClientThrottle;
import io.github.agentprotocols.appcontrol.service.UnixSocketServiceLifecycle;
import io.github.agentprotocols.appcontrol.service.UnixSocketServiceServer;
import io.github.agentprotocols.commons.AgentProtocol;
import io.github.agentprotocols.commons.http.HttpClientDefaults;
import io.github.agentprotocols.commons.ssl.ProtocolSslBundles;
import io.github.agentprotocols.commons.thread.BlockingWork;
import io.micrometer.observation.ObservationRegistry;

import org.springframework.beans.factory.BeanFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.AnyNestedCondition;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.ssl.SslBundle;
import org.springframework.boot.ssl.SslBundles;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Conditional;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.ImportRuntimeHints;
import org.springframework.core.env.Environment;
import org.springframework.web.reactive.function.server.RequestPredicates;
import org.springframework.web.reactive.function.server.RouterFunction;
import org.springframework.web.reactive.function.server.RouterFunctions;
import org.springframework.web.reactive.function.server.ServerResponse;

/**
 * Auto-configuration of app-control: the {@link AppControlConfig} bound from
 * {@code app-control.*}, the schema validator, the logging observer, the application's
 * {@link AppControlClient} (an HttpAppControlClient or UnixSocketAppControlClient when
 * {@code app-control.remote.url} is set, through the SSL bundle that
 * {@code app-control.remote.ssl.bundle} names, if any, otherwise a HelperAppControlClient
 * over the helper's Unix socket when {@code app-control.computer-use.backend=helper}),
 * and, when {@code app-control.service.enabled=true}, the local service host: on HTTP in
 * a reactive web application, on a Unix domain socket when
 * {@code app-control.service.socket-path} is set. Active unless
 * {@code app-control.enabled=false}. The clients and the host observe their work in the
 * application's {@link ObservationRegistry}, if any, with the application's observation
 * conventions, if any. {@link AppControlServiceHostBuilderCustomizer} and
 * {@link HttpAppControlClientBuilderCustomizer} beans change single options of the host
 * and of the HTTP client before they are built. The HTTP route counts each client's wrong
 * tokens in the {@link ClientThrottle} bean, which other HTTP fronts of the host share.
 */
@AutoConfiguration
@ConditionalOnBooleanProperty(name = "app-control.enabled", matchIfMissing = true)
@EnableConfigurationProperties(AppControlProperties.class)
@ImportRuntimeHints(AppControlRuntimeHints.class)
public final class AppControlAutoConfiguration {

	@Bean
	AgentProtocol appControlProtocol() {
		return new AgentProtocol("appControl", "app-control", "app-control");
	}

	@Bean
	@ConditionalOnMissingBean
	AppControlConfig appControlConfig(AppControlProperties properties) {
		return new AppControlPropertiesMapper(properties).config();
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
	AbstractServiceHostClient appControlRemoteClient(AppControlProperties properties, ProtocolSchemas schemas,
			ObjectProvider<SslBundles> sslBundles, ObjectProvider<ObservationRegistry> observationRegistry,
			ObjectProvider<ClientRequestObservationConvention> observationConvention,
			ObjectProvider<HttpAppControlClientBuilderCustomizer> customizers, BeanFactory beanFactory) {
		SslBundle sslBundle = ProtocolSslBundles.get(sslBundles.getIfAvailable(), "app-control.remote.ssl.bundle",
				properties.getRemote().getSsl().getBundle());
		AbstractServiceHostClient client = new AppControlPropertiesMapper(properties).remoteClient(schemas, sslBundle,
				HttpClientDefaults.of(beanFactory),
				(builder) -> customizers.orderedStream().forEach((customizer) -> customizer.customize(builder)));
		client.setObservationRegistry(observationRegistry.getIfAvailable(() -> ObservationRegistry.NOOP));
		client.setObservationConvention(observationConvention.getIfAvailable());
		return client;
	}

	@Configuration(proxyBeanMethods = false)
	@Conditional(OnHelperBackendCondition.class)
	static class AppControlHelperConfiguration {

		@Bean
		@ConditionalOnMissingBean
		HelperTransport appControlHelperTransport(AppControlConfig config) {
			return AppControlPropertiesMapper.helperTransport(config);
		}

		@Bean
		@ConditionalOnMissingBean(AppControlClient.class)
		HelperAppControlClient appControlHelperClient(HelperTransport transport, AppControlConfig config,
				ProtocolSchemas schemas, ObjectProvider<ObservationRegistry> observationRegistry,
				ObjectProvider<HelperRequestObservationConvention> observationConvention) {
			HelperAppControlClient client = AppControlPropertiesMapper.helperClient(transport, config, schemas);
			client.setObservationRegistry(observationRegistry.getIfAvailable(() -> ObservationRegistry.NOOP));
			client.setObservationConvention(observationConvention.getIfAvailable());
			return client;
		}

	}

	@Configuration(proxyBeanMethods = false)
	@ConditionalOnBooleanProperty("app-control.service.enabled")
	@Conditional(OnServiceTransportCondition.class)
	static class AppControlServiceConfiguration {

		@Bean
		@ConditionalOnMissingBean
		AppControlServiceHost appControlServiceHost(AppControlProperties properties,
				ObjectProvider<AppControlClient> client, ProtocolSchemas schemas,
				ObjectProvider<AppControlMetrics> metrics, ObjectProvider<ObservationRegistry> observationRegistry,
				ObjectProvider<ServiceRequestObservationConvention> requestConvention,
				ObjectProvider<ServiceCommandObservationConvention> commandConvention,
				ObjectProvider<AppControlServiceHostBuilderCustomizer> customizers, Environment environment) {
			AppControlClient appControlClient = client.getIfAvailable();
			if (appControlClient == null) {
				throw new AppControlException(
						"app-control.service.enabled=true needs an AppControlClient bean to run commands on");
			}
			AppControlServiceHost.Builder builder = new AppControlPropertiesMapper(properties)
				.serviceHost(appControlClient, schemas, metrics.getIfAvailable(() -> AppControlMetrics.NONE))
				.observationRegistry(observationRegistry.getIfAvailable(() -> ObservationRegistry.NOOP))
				.requestObservationConvention(requestConvention.getIfAvailable())
				.commandObservationConvention(commandConvention.getIfAvailable());
			ThreadFactory threads = BlockingWork.virtualThreads(environment,
					AppControlServiceHost.THREAD_NAME_PREFIX + "-");
			if (threads != null) {
				builder.threads(threads);
			}
			customizers.orderedStream().forEach((customizer) -> customizer.customize(builder));
			return builder.build();
		}

		@Configuration(proxyBeanMethods = false)
		@ConditionalOnClass(RouterFunction.class)
		@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.REACTIVE)
		static class AppControlHttpServiceConfiguration {

			@Bean
			@ConditionalOnMissingBean
			ClientThrottle appControlServiceFailedTokens(AppControlProperties properties) {
				return new AppControlPropertiesMapper(properties).failedTokens(Clock.systemUTC());
			}

			@Bean
			RouterFunction<ServerResponse> appControlServiceRoutes(AppControlServiceHost host,
					AppControlProperties properties, ClientThrottle failedTokens) {
				AppControlPropertiesMapper mapper = new AppControlPropertiesMapper(properties);
				return RouterFunctions.route(RequestPredicates.POST(mapper.servicePath()),
						mapper.serviceHandler(host, failedTokens));
			}

		}

		@Configuration(proxyBeanMethods = false)
		@ConditionalOnProperty("app-control.service.socket-path")
		static class AppControlUnixSocketServiceConfiguration {

			@Bean
			@ConditionalOnMissingBean
			UnixSocketServiceServer appControlUnixSocketServer(AppControlServiceHost host,
					AppControlProperties properties, Environment environment) {
				UnixSocketServiceServer server = new AppControlPropertiesMapper(properties).unixSocketServer(host);
				ThreadFactory threads = BlockingWork.virtualThreads(environment,
						UnixSocketServiceServer.THREAD_NAME_PREFIX + "-");
				if (threads != null) {
					server.setThreads(threads);
				}
				return server;
			}

			@Bean
			UnixSocketServiceLifecycle appControlUnixSocketServerLifecycle(UnixSocketServiceServer server) {
				return new UnixSocketServiceLifecycle(server);
			}

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
