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

import java.util.Optional;

import io.github.agentprotocols.acp.cluster.AcpClusterRelay;
import io.github.agentprotocols.acp.cluster.ClusterChannel;
import io.github.agentprotocols.acp.cluster.ClusterChannelDeafException;
import io.github.agentprotocols.acp.cluster.RedisClusterChannel;
import io.github.agentprotocols.acp.health.AcpHealthIndicator;
import io.github.agentprotocols.acp.autoconfigure.health.AcpHealthContributorAutoConfiguration;
import io.github.agentprotocols.commons.autoconfigure.AgentProtocolsAutoConfiguration;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.publisher.Sinks;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.diagnostics.FailureAnalysis;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.data.redis.connection.ReactiveRedisConnectionFactory;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;
import static org.mockito.Mockito.mock;

class AcpClusterAutoConfigurationTests {

	private final ApplicationContextRunner runner = new ApplicationContextRunner().withConfiguration(AutoConfigurations
		.of(AgentProtocolsAutoConfiguration.class, AcpAutoConfiguration.class, AcpRunsAutoConfiguration.class,
				AcpClusterAutoConfiguration.class, AcpHealthContributorAutoConfiguration.class));

	@Test
	void inMemoryStoreRelaysNothing() {
		this.runner.run((context) -> {
			assertThat(context).hasNotFailed();
			assertThat(context).doesNotHaveBean(ClusterChannel.class).doesNotHaveBean(AcpClusterRelay.class);
			Health health = context.getBean(AcpHealthIndicator.class).health().block();
			assertThat(health.getDetails()).doesNotContainKey("cluster");
		});
	}

	@Test
	void redisTransportRelaysOverTheApplicationsRedis() {
		this.runner.withBean(ReactiveRedisConnectionFactory.class, () -> mock(ReactiveRedisConnectionFactory.class))
			.withPropertyValues("acp.cluster.transport=redis")
			.run((context) -> {
				assertThat(context).getBean(ClusterChannel.class).isInstanceOf(RedisClusterChannel.class);
				assertThat(context.getBean(AcpClusterRelay.class).transport()).isEqualTo("redis");
			});
	}

	@Test
	void redisTransportWithoutRedisFailsTheStartUp() {
		this.runner.withPropertyValues("acp.cluster.transport=redis")
			.run((context) -> assertThat(context).hasFailed()
				.getFailure()
				.hasMessageContaining(ReactiveRedisConnectionFactory.class.getName()));
	}

	@Test
	void applicationsChannelIsRelayedAndReportedInHealth() {
		this.runner.withBean(ClusterChannel.class, QuietChannel::new).run((context) -> {
			AcpClusterRelay relay = context.getBean(AcpClusterRelay.class);
			assertThat(relay.isRunning()).isTrue();
			Health health = context.getBean(AcpHealthIndicator.class).health().block();
			assertThat(health.getDetails()).containsKey("cluster");
			assertThat(health.getDetails().get("cluster").toString()).contains("transport=quiet");
			assertThat(health.getDetails().get("cluster").toString()).contains("listening=true", "heard=");
		});
	}

	@Test
	void channelThatDoesNotHearItsProbeFailsTheStartUpNamingTheFixes() {
		this.runner.withBean(ClusterChannel.class, DeafChannel::new).run((context) -> {
			assertThat(context).hasFailed();
			Throwable failure = context.getStartupFailure();
			assertThat(failure).hasRootCauseInstanceOf(ClusterChannelDeafException.class);
			FailureAnalysis analysis = new AcpClusterChannelDeafFailureAnalyzer().analyze(failure);
			assertThat(analysis.getDescription()).contains("LISTEN hears nothing", "PgBouncer", "transaction pooling");
			assertThat(analysis.getAction()).contains("acp.cluster.postgres.url", "acp.cluster.transport=redis");
		});
	}

	@Test
	void relaysUrlThatNoDriverTakesFailsNamingTheProperty() {
		assertThatIllegalStateException()
			.isThrownBy(() -> AcpClusterAutoConfiguration.Postgres.direct("r2dbc:h2:mem:///acp"))
			.withMessageContaining("acp.cluster.postgres.url");
		assertThatIllegalStateException().isThrownBy(() -> AcpClusterAutoConfiguration.Postgres.direct("not a url"))
			.withMessageContaining("acp.cluster.postgres.url");
	}

	@Test
	void relaysUrlLeadsToPostgres() {
		assertThat(AcpClusterAutoConfiguration.Postgres.direct("r2dbc:postgresql://user:secret@127.0.0.1:5432/acp")
			.getMetadata()
			.getName()).isEqualTo("PostgreSQL");
	}

	/** A channel that hears only what this instance sends: no other instance is there. */
	static class QuietChannel implements ClusterChannel {

		private final Sinks.Many<Optional<String>> heard = Sinks.many().replay().latest();

		@Override
		public Mono<Void> send(String message) {
			return Mono.fromRunnable(() -> this.heard.tryEmitNext(Optional.of(message)));
		}

		@Override
		public Flux<Optional<String>> listen() {
			return this.heard.asFlux().startWith(Optional.empty());
		}

		@Override
		public int maxMessageBytes() {
			return 100;
		}

		@Override
		public String transport() {
			return "quiet";
		}

	}

	/**
	 * A PostgreSQL channel behind a PgBouncer in transaction pooling: LISTEN succeeds,
	 * nothing arrives.
	 */
	static class DeafChannel implements ClusterChannel {

		@Override
		public Mono<Void> send(String message) {
			return Mono.empty();
		}

		@Override
		public Flux<Optional<String>> listen() {
			return Flux.<Optional<String>>never().startWith(Optional.empty());
		}

		@Override
		public int maxMessageBytes() {
			return 100;
		}

		@Override
		public String transport() {
			return "postgres";
		}

	}

}
