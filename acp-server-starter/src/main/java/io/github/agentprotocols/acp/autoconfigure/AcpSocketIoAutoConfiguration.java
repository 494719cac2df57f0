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

package io.github.agentprotocols.acp.autoconfigure;

import java.util.LinkedHashMap;
import java.util.Map;

import com.corundumstudio.socketio.SocketIOServer;
import io.github.agentprotocols.acp.AcpAuthenticator;
import io.github.agentprotocols.acp.AcpBroadcaster;
import io.github.agentprotocols.acp.AcpMetrics;
import io.github.agentprotocols.acp.NamespaceKeys;
import io.github.agentprotocols.acp.ThreadStore;
import io.github.agentprotocols.acp.engine.AcpOperations;
import io.github.agentprotocols.acp.observation.SocketIoEventObservationConvention;
import io.github.agentprotocols.acp.security.SocketIoCsrfExemption;
import io.github.agentprotocols.acp.socketio.AcpSocketIoServer;
import io.github.agentprotocols.acp.socketio.NamespaceConnectCheck;
import io.github.agentprotocols.acp.socketio.SocketIoBridge;
import io.github.agentprotocols.acp.socketio.SocketIoOnApplicationPort;
import io.github.agentprotocols.acp.socketio.SocketIoBroadcastListener;
import io.micrometer.observation.ObservationRegistry;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Conditional;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.web.reactive.handler.SimpleUrlHandlerMapping;

/**
 * Auto-configuration of x64acp's Socket.IO transport (spec §5) in a reactive web
 * application: the {@link AcpSocketIoServer} on netty-socketio, the
 * {@link SocketIoBridge} that serves it under {@code acp.socketio.path} and
 * {@code acp.socketio.additional-paths} on the application's port (mapped before the
 * application's own routes), and the {@link SocketIoBroadcastListener} that delivers the
 * broadcast funnel to thread rooms. A {@link NamespaceConnectCheck} bean turns on
 * namespace mode: with {@link NamespaceKeys} ({@code acp.namespace-keys}), connects are
 * checked with {@link NamespaceKeys#checkConnect} (spec §5.3). When the application runs
 * Spring Security's WebFlux filter chains, the {@link SocketIoCsrfExemption} exempts the
 * Engine.IO paths from their CSRF protection.
 */
@AutoConfiguration(after = { AcpAutoConfiguration.class, AcpRunsAutoConfiguration.class })
@ConditionalOnBooleanProperty(name = "acp.enabled", matchIfMissing = true)
@ConditionalOnClass(SocketIOServer.class)
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.REACTIVE)
@ConditionalOnBean(AcpOperations.class)
public final class AcpSocketIoAutoConfiguration {

	@Bean
	@ConditionalOnMissingBean
	AcpSocketIoServer acpSocketIoServer(AcpProperties properties, ObjectProvider<AcpAuthenticator> authenticator,
			ObjectProvider<NamespaceConnectCheck> namespaceCheck, ObjectProvider<AcpOperations> operations,
			ThreadStore store, AcpBroadcaster broadcaster, ObjectProvider<AcpMetrics> metrics,
			ObjectProvider<ObservationRegistry> observationRegistry,
			ObjectProvider<SocketIoEventObservationConvention> observationConvention,
			ObjectProvider<AcpSocketIoServerBuilderCustomizer> customizers) {
		AcpAuthenticator required = authenticator.getIfAvailable();
		if (required == null) {
			throw new AcpAuthenticatorMissingException();
		}
		AcpSocketIoServer.Builder builder = AcpSocketIoServer
			.builder(new AcpPropertiesMapper(properties).socketIoSettings(), required, operations::getObject, store)
			.broadcaster(broadcaster)
			.namespaceCheck(namespaceCheck.getIfAvailable())
			.metrics(metrics.getIfAvailable(() -> AcpMetrics.NONE))
			.observationRegistry(observationRegistry.getIfAvailable(() -> ObservationRegistry.NOOP))
			.observationConvention(observationConvention.getIfAvailable())
			.websocketCompression(properties.getSocketio().isWebsocketCompression());
		customizers.orderedStream().forEach((customizer) -> customizer.customize(builder));
		return builder.build();
	}

	@Bean
	@ConditionalOnBean(NamespaceKeys.class)
	@ConditionalOnMissingBean
	NamespaceConnectCheck acpNamespaceConnectCheck(NamespaceKeys namespaceKeys) {
		return (path, identity) -> namespaceKeys.checkConnect(path, identity.tenant().entries());
	}

	@Bean
	@ConditionalOnMissingBean
	SocketIoBroadcastListener acpSocketIoBroadcastListener(AcpSocketIoServer server,
			ObjectProvider<NamespaceKeys> namespaceKeys, ObjectProvider<AcpMetrics> metrics) {
		return new SocketIoBroadcastListener(server, namespaceKeys.getIfAvailable(),
				metrics.getIfAvailable(() -> AcpMetrics.NONE));
	}

	@Bean
	@ConditionalOnMissingBean
	SocketIoBridge acpSocketIoBridge(AcpSocketIoServer server) {
		return new SocketIoBridge(server);
	}

	@Bean
	@ConditionalOnMissingBean(name = "acpSocketIoHandlerMapping")
	SimpleUrlHandlerMapping acpSocketIoHandlerMapping(SocketIoBridge bridge, AcpSocketIoServer server) {
		Map<String, SocketIoBridge> paths = new LinkedHashMap<>();
		server.settings().paths().forEach((path) -> paths.put(path + "/**", bridge));
		return new SimpleUrlHandlerMapping(paths, Ordered.HIGHEST_PRECEDENCE + 10);
	}

	@Configuration(proxyBeanMethods = false)
	@ConditionalOnClass(name = "org.springframework.boot.reactor.netty.NettyServerCustomizer")
	static class ReactorNettyConfiguration {

		@Bean
		@ConditionalOnMissingBean
		@Conditional(SocketIoInPlaceCondition.class)
		SocketIoOnApplicationPort acpSocketIoOnApplicationPort(AcpSocketIoServer server) {
			return new SocketIoOnApplicationPort(server);
		}

	}

	@Configuration(proxyBeanMethods = false)
	@ConditionalOnClass(name = "org.springframework.security.web.server.csrf.CsrfWebFilter")
	@ConditionalOnBean(type = "org.springframework.security.web.server.WebFilterChainProxy")
	static class SpringSecurityConfiguration {

		@Bean
		@ConditionalOnMissingBean
		SocketIoCsrfExemption acpSocketIoCsrfExemption(AcpProperties properties) {
			return new SocketIoCsrfExemption(new AcpPropertiesMapper(properties).socketIoSettings().paths());
		}

	}

}
