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

import io.github.agentprotocols.acp.AcpBroadcaster;
import io.github.agentprotocols.acp.AcpClusterBroadcastListener;
import io.github.agentprotocols.acp.ThreadStore;
import io.github.agentprotocols.acp.cluster.AcpClusterRelay;
import io.github.agentprotocols.acp.cluster.ClusterChannel;
import io.github.agentprotocols.acp.cluster.ClusterObservations;
import io.github.agentprotocols.acp.cluster.PostgresClusterChannel;
import io.github.agentprotocols.acp.cluster.RedisClusterChannel;
import io.github.agentprotocols.acp.cluster.RedisPermissions;
import io.github.agentprotocols.acp.observation.BroadcastObservationConvention;
import io.github.agentprotocols.acp.observation.ClusterPublishObservationConvention;
import io.github.agentprotocols.acp.observation.ClusterReceiveObservationConvention;
import io.github.agentprotocols.commons.availability.ReadinessCheck;
import io.github.agentprotocols.commons.redis.RedisPermissionCheck;
import io.micrometer.observation.ObservationRegistry;
import io.r2dbc.spi.ConnectionFactories;
import io.r2dbc.spi.ConnectionFactory;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Import;
import org.springframework.core.env.Environment;
import org.springframework.data.redis.connection.ReactiveRedisConnectionFactory;

/**
 * Auto-configuration of the relay between the instances of an application (spec §5.7,
 * cluster): an {@link AcpClusterRelay} on the {@link ClusterChannel} that
 * {@code acp.cluster.transport} chooses — PostgreSQL notifications by default with the
 * PostgreSQL store, Redis pub/sub with {@code redis} (which requires a
 * {@link ReactiveRedisConnectionFactory}, to a stand-alone Redis or a Redis Cluster as
 * Spring Boot's {@code spring.data.redis.*} properties say), none with the in-memory
 * store or {@code none}. With {@code acp.cluster.postgres.url} the PostgreSQL relay
 * listens on a connection to that URL, the application's connection factory still
 * carrying its {@code pg_notify}s.
 */
@AutoConfiguration(after = AcpAutoConfiguration.class,
		afterName = { "org.springframework.boot.r2dbc.autoconfigure.R2dbcAutoConfiguration",
				"org.springframework.boot.data.redis.autoconfigure.DataRedisReactiveAutoConfiguration" })
@ConditionalOnBooleanProperty(name = "acp.enabled", matchIfMissing = true)
@ConditionalOnBean(ThreadStore.class)
@EnableConfigurationProperties(AcpProperties.class)
@Import({ AcpClusterAutoConfiguration.Postgres.class, AcpClusterAutoConfiguration.Redis.class })
public final class AcpClusterAutoConfiguration {

	private static final String TRANSPORT = "acp.cluster.transport";

	@Bean
	@ConditionalOnMissingBean
	@ConditionalOnBean(ClusterChannel.class)
	AcpClusterRelay acpClusterRelay(ClusterChannel channel, ThreadStore store,
			ObjectProvider<AcpClusterBroadcastListener> listeners, Clock clock, AcpProperties properties,
			ObjectProvider<ObservationRegistry> observationRegistry,
			ObjectProvider<ClusterPublishObservationConvention> publishConvention,
			ObjectProvider<ClusterReceiveObservationConvention> receiveConvention,
			ObjectProvider<BroadcastObservationConvention> broadcastConvention,
			ObjectProvider<AcpBroadcaster> broadcaster) {
		AcpClusterRelay relay = new AcpClusterRelay(channel, store, () -> listeners.orderedStream().toList(), clock);
		relay.setProbeInterval(properties.getCluster().getProbeInterval());
		broadcaster.ifAvailable(relay::setBroadcaster);
		relay
			.setObservations(new ClusterObservations(observationRegistry.getIfAvailable(() -> ObservationRegistry.NOOP),
					publishConvention.getIfAvailable(), receiveConvention.getIfAvailable(),
					AcpAutoConfiguration.broadcastObservations(observationRegistry, broadcastConvention)));
		return relay;
	}

	/**
	 * Refuses traffic while the relay does not hear the cluster channel: the instance's
	 * clients would miss what the other instances commit.
	 * @param relay the relay
	 * @return the readiness check
	 */
	@Bean
	@ConditionalOnBean(AcpClusterRelay.class)
	@ConditionalOnBooleanProperty(name = "acp.cluster.readiness", matchIfMissing = true)
	ReadinessCheck acpClusterReadiness(AcpClusterRelay relay) {
		return () -> (relay.isRunning() && !relay.isListening())
				? "the ACP cluster relay does not hear its channel (" + relay.transport() + ")" : null;
	}

	@Configuration(proxyBeanMethods = false)
	@ConditionalOnClass(name = { "io.r2dbc.postgresql.PostgresqlConnectionFactory",
			"org.springframework.r2dbc.core.DatabaseClient" })
	@ConditionalOnBean(type = "io.github.agentprotocols.acp.r2dbc.PostgresThreadStore")
	@ConditionalOnProperty(name = TRANSPORT, havingValue = "postgres", matchIfMissing = true)
	static class Postgres {

		private static final String POSTGRESQL = "PostgreSQL";

		@Bean
		@ConditionalOnMissingBean
		ClusterChannel acpClusterChannel(ConnectionFactory connectionFactory, AcpProperties properties) {
			String url = properties.getCluster().getPostgres().getUrl();
			ConnectionFactory listenConnectionFactory = (url != null) ? direct(url) : connectionFactory;
			return new PostgresClusterChannel(connectionFactory, listenConnectionFactory,
					new AcpPropertiesMapper(properties).tablePrefix());
		}

		/**
		 * The relay's own connection factory, for {@code acp.cluster.postgres.url}.
		 */
		static ConnectionFactory direct(String url) {
			ConnectionFactory factory;
			try {
				factory = ConnectionFactories.get(url);
			}
			catch (RuntimeException ex) {
				throw new IllegalStateException(
						"acp.cluster.postgres.url is not a usable R2DBC URL: " + ex.getMessage(), ex);
			}
			if (!POSTGRESQL.equals(factory.getMetadata().getName())) {
				throw new IllegalStateException("acp.cluster.postgres.url must lead to PostgreSQL, not "
						+ factory.getMetadata().getName() + ": the relay listens with LISTEN");
			}
			return factory;
		}

	}

	@Configuration(proxyBeanMethods = false)
	@ConditionalOnClass(name = "org.springframework.data.redis.connection.ReactiveRedisConnectionFactory")
	@ConditionalOnProperty(name = TRANSPORT, havingValue = "redis")
	static class Redis {

		@Bean
		@ConditionalOnMissingBean
		ClusterChannel acpClusterChannel(ReactiveRedisConnectionFactory connectionFactory, AcpProperties properties) {
			return new RedisClusterChannel(connectionFactory, new AcpPropertiesMapper(properties).tablePrefix());
		}

		@Bean
		RedisPermissionCheck acpRedisPermissionCheck(ObjectProvider<ReactiveRedisConnectionFactory> connectionFactory,
				Environment environment, AcpProperties properties) {
			return new RedisPermissionCheck(connectionFactory, environment, "ACP",
					RedisPermissions.commands(new AcpPropertiesMapper(properties).tablePrefix()));
		}

	}

}
