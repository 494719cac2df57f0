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

import com.corundumstudio.socketio.SocketIOChannelInitializer;
import com.corundumstudio.socketio.protocol.AuthPacket;
import com.corundumstudio.socketio.protocol.ConnPacket;
import com.corundumstudio.socketio.transport.PollingTransport;
import io.github.agentprotocols.acp.AcpAssistant;
import io.github.agentprotocols.acp.AcpAuthenticator;
import io.github.agentprotocols.acp.Event;
import io.github.agentprotocols.commons.autoconfigure.AgentProtocolsAutoConfiguration;
import io.github.agentprotocols.testsupport.AotProcessing;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import org.springframework.aot.hint.RuntimeHints;
import org.springframework.aot.hint.predicate.RuntimeHintsPredicates;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.r2dbc.autoconfigure.R2dbcAutoConfiguration;
import org.springframework.boot.test.context.runner.ReactiveWebApplicationContextRunner;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The auto-configurations, with the PostgreSQL store and Socket.IO in a reactive web
 * application, pass Spring's AOT processing and register the hints a native image needs:
 * the schema scripts, the netty-socketio fields the transport reads, the packets
 * netty-socketio's Jackson writes, and the {@link AcpAssistant} methods invoked
 * reflectively.
 */
class AcpRuntimeHintsTests {

	private final ReactiveWebApplicationContextRunner contextRunner = new ReactiveWebApplicationContextRunner()
		.withConfiguration(AutoConfigurations.of(AgentProtocolsAutoConfiguration.class, R2dbcAutoConfiguration.class,
				AcpAutoConfiguration.class, AcpRunsAutoConfiguration.class, AcpClusterAutoConfiguration.class,
				AcpSocketIoAutoConfiguration.class))
		.withPropertyValues("acp.store.type=r2dbc", "spring.r2dbc.url=r2dbc:postgresql://127.0.0.1:1/acp")
		.withUserConfiguration(AssistantsConfiguration.class);

	@Test
	void aotProcessingRegistersTheTransportsHints() {
		RuntimeHints hints = processAheadOfTime();
		assertThat(RuntimeHintsPredicates.resource().forResource("META-INF/acp/schema/V1__threads.sql")).accepts(hints);
		assertThat(RuntimeHintsPredicates.reflection()
			.onFieldAccess(SocketIOChannelInitializer.class, "xhrPollingTransport")).accepts(hints);
		for (String field : new String[] { "decoder", "authorizeHandler", "clientsBox" }) {
			assertThat(RuntimeHintsPredicates.reflection().onFieldAccess(PollingTransport.class, field)).as(field)
				.accepts(hints);
		}
		assertThat(RuntimeHintsPredicates.reflection().onMethodInvocation(AuthPacket.class, "getPingInterval"))
			.accepts(hints);
		assertThat(RuntimeHintsPredicates.reflection().onMethodInvocation(ConnPacket.class, "getSid")).accepts(hints);
	}

	@Test
	void aotProcessingRegistersAssistantMethodsForInvocation() {
		assertThat(RuntimeHintsPredicates.reflection().onMethodInvocation(MethodAssistants.class, "reply"))
			.accepts(processAheadOfTime());
	}

	@Test
	void everySchemaScriptIsARegisteredResource() throws Exception {
		RuntimeHints hints = processAheadOfTime();
		Resource[] scripts = new PathMatchingResourcePatternResolver()
			.getResources("classpath*:META-INF/acp/schema/*.sql");
		assertThat(scripts).isNotEmpty();
		for (Resource script : scripts) {
			assertThat(RuntimeHintsPredicates.resource().forResource("META-INF/acp/schema/" + script.getFilename()))
				.as(script.getFilename())
				.accepts(hints);
		}
	}

	private RuntimeHints processAheadOfTime() {
		return AotProcessing.of(this.contextRunner).hints();
	}

	@Configuration(proxyBeanMethods = false)
	static class AssistantsConfiguration {

		@Bean
		AcpAuthenticator authenticator() {
			return (handshake) -> Mono.empty();
		}

		@Bean
		MethodAssistants methodAssistants() {
			return new MethodAssistants();
		}

	}

	static class MethodAssistants {

		@AcpAssistant("reply")
		Flux<Event> reply() {
			return Flux.empty();
		}

	}

}
