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

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;

import io.github.agentprotocols.acp.AcpAuthenticator;
import io.github.agentprotocols.acp.AcpThread;
import io.github.agentprotocols.acp.AssistantRuns;
import io.github.agentprotocols.acp.ContentPart;
import io.github.agentprotocols.acp.Event;
import io.github.agentprotocols.acp.EventDraft;
import io.github.agentprotocols.acp.Identity;
import io.github.agentprotocols.acp.NewThread;
import io.github.agentprotocols.acp.NoAssistantRuns;
import io.github.agentprotocols.acp.TenantScope;
import io.github.agentprotocols.acp.ThreadStore;
import io.github.agentprotocols.acp.autoconfigure.health.AcpHealthContributorAutoConfiguration;
import io.github.agentprotocols.acp.autoconfigure.metrics.AcpMetricsAutoConfiguration;
import io.github.agentprotocols.acp.engine.AcpGates;
import io.github.agentprotocols.acp.engine.AcpOperations;
import io.github.agentprotocols.acp.memory.InMemoryThreadStore;
import io.github.agentprotocols.acp.metrics.MicrometerAcpMetrics;
import io.github.agentprotocols.acp.r2dbc.AcpSchemaInitializer;
import io.github.agentprotocols.acp.r2dbc.PostgresThreadStore;
import io.github.agentprotocols.acp.security.SecurityContextAuthenticator;
import io.github.agentprotocols.acp.test.RecordingBroadcastListener;
import io.github.agentprotocols.acp.web.AcpHandlers;
import io.github.agentprotocols.commons.AgentProtocol;
import io.github.agentprotocols.commons.autoconfigure.AgentProtocolsAutoConfiguration;
import io.github.agentprotocols.testsupport.ProtocolStarterContractTests;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.micrometer.observation.ObservationRegistry;
import io.micrometer.observation.tck.TestObservationRegistry;
import io.r2dbc.spi.ConnectionFactories;
import io.r2dbc.spi.ConnectionFactory;
import org.junit.jupiter.api.Test;
import org.mockito.ArgumentCaptor;
import org.mockito.Mockito;
import reactor.core.publisher.Mono;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.context.properties.source.InvalidConfigurationPropertyValueException;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.boot.test.context.runner.ReactiveWebApplicationContextRunner;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.config.annotation.web.reactive.EnableWebFluxSecurity;
import org.springframework.security.config.web.server.ServerHttpSecurity;
import org.springframework.security.web.server.SecurityWebFilterChain;

import static io.micrometer.observation.tck.TestObservationRegistryAssert.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

class AcpAutoConfigurationTests extends ProtocolStarterContractTests {

	@Override
	protected Class<?> autoConfiguration() {
		return AcpAutoConfiguration.class;
	}

	@Override
	protected Class<?> healthContributorAutoConfiguration() {
		return AcpHealthContributorAutoConfiguration.class;
	}

	@Override
	protected Class<?> propertiesType() {
		return AcpProperties.class;
	}

	@Override
	protected AgentProtocol expectedProtocol() {
		return new AgentProtocol("acp", "x64acp Assistant Communication Protocol", "acp");
	}

	@Override
	protected ApplicationContextRunner contextRunner() {
		return super.contextRunner().withUserConfiguration(Callbacks.class);
	}

	private ReactiveWebApplicationContextRunner webContextRunner() {
		return new ReactiveWebApplicationContextRunner()
			.withConfiguration(AutoConfigurations.of(AgentProtocolsAutoConfiguration.class, AcpAutoConfiguration.class,
					AcpHealthContributorAutoConfiguration.class, AcpMetricsAutoConfiguration.class));
	}

	@Test
	void keepsThreadsInMemoryWithoutConnectionFactory() {
		contextRunner().run((context) -> {
			assertThat(context).hasSingleBean(InMemoryThreadStore.class);
			assertThat(context).doesNotHaveBean(AcpSchemaInitializer.class);
			assertThat(context).hasSingleBean(AcpGates.class).hasSingleBean(AcpOperations.class);
		});
	}

	@Test
	void keepsThreadsInPostgresWithConnectionFactory() {
		contextRunner().withUserConfiguration(Database.class)
			.withPropertyValues("acp.store.initialize-schema=false")
			.run((context) -> {
				assertThat(context).hasSingleBean(PostgresThreadStore.class);
				assertThat(context).doesNotHaveBean(InMemoryThreadStore.class);
				assertThat(context).doesNotHaveBean(AcpSchemaInitializer.class);
			});
	}

	@Test
	void storeTypeMemoryKeepsThreadsInMemoryDespiteAConnectionFactory() {
		contextRunner().withUserConfiguration(Database.class)
			.withPropertyValues("acp.store.type=memory")
			.run((context) -> {
				assertThat(context).hasSingleBean(InMemoryThreadStore.class);
				assertThat(context).doesNotHaveBean(PostgresThreadStore.class);
				assertThat(context).doesNotHaveBean(AcpSchemaInitializer.class);
			});
	}

	@Test
	void storeTypeR2dbcKeepsThreadsInPostgresAndFailsTheStartWithoutAConnectionFactory() {
		contextRunner().withUserConfiguration(Database.class)
			.withPropertyValues("acp.store.type=r2dbc", "acp.store.initialize-schema=false")
			.run((context) -> assertThat(context).hasSingleBean(PostgresThreadStore.class)
				.doesNotHaveBean(InMemoryThreadStore.class));
		contextRunner().withPropertyValues("acp.store.type=r2dbc")
			.run((context) -> assertThat(context).getFailure()
				.rootCause()
				.isInstanceOf(InvalidConfigurationPropertyValueException.class)
				.hasMessageContaining("acp.store.type")
				.hasMessageContaining("no R2DBC ConnectionFactory"));
	}

	@Test
	void backsOffForTheApplicationsOwnStore() {
		contextRunner().withUserConfiguration(Database.class, OwnStore.class).run((context) -> {
			assertThat(context).hasSingleBean(ThreadStore.class);
			assertThat(context).getBean(ThreadStore.class).isSameAs(context.getBean("ownStore"));
			assertThat(context).doesNotHaveBean(AcpSchemaInitializer.class);
		});
	}

	@Test
	void servesRestOnlyInReactiveWebApplications() {
		contextRunner().run((context) -> assertThat(context).doesNotHaveBean(AcpHandlers.class));
		webContextRunner().withUserConfiguration(Callbacks.class)
			.run((context) -> assertThat(context).hasSingleBean(AcpHandlers.class).hasBean("acpRouterFunction"));
	}

	@Test
	void refusesToStartWithoutAuthenticator() {
		webContextRunner().withUserConfiguration(RunsOnly.class).run((context) -> {
			assertThat(context).hasFailed();
			assertThat(context).getFailure().rootCause().isInstanceOf(AcpAuthenticatorMissingException.class);
		});
	}

	@Test
	void takesTheIdentityFromSpringSecurityWhenItsFilterChainRuns() {
		webContextRunner().withUserConfiguration(RunsOnly.class, Security.class)
			.run((context) -> assertThat(context).hasSingleBean(SecurityContextAuthenticator.class)
				.hasSingleBean(AcpHandlers.class));
		webContextRunner().withUserConfiguration(Callbacks.class, Security.class)
			.run((context) -> assertThat(context).doesNotHaveBean(SecurityContextAuthenticator.class));
	}

	@Test
	void metersWithAMeterRegistry() {
		webContextRunner().withUserConfiguration(Callbacks.class)
			.run((context) -> assertThat(context).doesNotHaveBean(MicrometerAcpMetrics.class));
		webContextRunner().withUserConfiguration(Callbacks.class)
			.withBean(MeterRegistry.class, SimpleMeterRegistry::new)
			.run((context) -> assertThat(context).hasSingleBean(MicrometerAcpMetrics.class));
	}

	@Test
	void operationsCustomizerChangesOneOptionAndKeepsTheRest() {
		Instant provisional = Instant.parse("2001-02-03T04:05:06Z");
		InMemoryThreadStore store = Mockito.spy(new InMemoryThreadStore(Clock.systemUTC()));
		TestObservationRegistry observations = TestObservationRegistry.create();
		contextRunner().withBean(ThreadStore.class, () -> store)
			.withBean(RecordingBroadcastListener.class, RecordingBroadcastListener::new)
			.withBean(ObservationRegistry.class, () -> observations)
			.withBean(AcpOperationsBuilderCustomizer.class,
					() -> (builder) -> builder.clock(Clock.fixed(provisional, ZoneOffset.UTC)))
			.run((context) -> {
				Identity alice = Identity.user("alice", "Alice");
				AcpOperations operations = context.getBean(AcpOperations.class);
				AcpThread thread = operations.createThread(alice, NewThread.withTenant(TenantScope.PUBLIC))
					.block(Duration.ofSeconds(30));
				Event sent = operations
					.sendMessage(alice, thread.id(), new EventDraft(null, List.of(new ContentPart.Text("hi")), null))
					.block(Duration.ofSeconds(30))
					.event();
				ArgumentCaptor<Event> appended = ArgumentCaptor.forClass(Event.class);
				Mockito.verify(store, Mockito.atLeastOnce()).append(appended.capture());
				assertThat(appended.getAllValues()).filteredOn((event) -> event.id().equals(sent.id()))
					.singleElement()
					.extracting(Event::createdAt)
					.isEqualTo(provisional);
				assertThat(context.getBean(RecordingBroadcastListener.class).events(thread.id())).contains(sent);
				assertThat(observations).hasObservationWithNameEqualTo("acp.broadcast")
					.that()
					.hasHighCardinalityKeyValue("acp.thread.id", thread.id());
			});
	}

	@Test
	void basePathIsConfigurable() {
		webContextRunner().withUserConfiguration(Callbacks.class)
			.withPropertyValues("acp.rest.base-path=/api/acp/", "acp.limits.max-body-size=2KB")
			.run((context) -> {
				AcpProperties properties = context.getBean(AcpProperties.class);
				assertThat(properties.getRest().getBasePath()).isEqualTo("/api/acp/");
				assertThat(properties.getLimits().getMaxBodySize().toBytes()).isEqualTo(2048);
			});
	}

	@Configuration(proxyBeanMethods = false)
	static class RunsOnly {

		@Bean
		AssistantRuns assistantRuns() {
			return new NoAssistantRuns();
		}

	}

	@Configuration(proxyBeanMethods = false)
	static class Callbacks extends RunsOnly {

		@Bean
		AcpAuthenticator authenticator() {
			return (handshake) -> Mono.empty();
		}

	}

	@Configuration(proxyBeanMethods = false)
	static class Database {

		@Bean
		ConnectionFactory connectionFactory() {
			return ConnectionFactories.get("r2dbc:postgresql://nobody:nothing@127.0.0.1:1/none");
		}

	}

	@Configuration(proxyBeanMethods = false)
	static class OwnStore {

		@Bean
		ThreadStore ownStore() {
			return new InMemoryThreadStore(java.time.Clock.systemUTC());
		}

	}

	@Configuration(proxyBeanMethods = false)
	@EnableWebFluxSecurity
	static class Security {

		@Bean
		SecurityWebFilterChain chain(ServerHttpSecurity http) {
			return http.authorizeExchange((exchanges) -> exchanges.anyExchange().permitAll()).build();
		}

	}

}
