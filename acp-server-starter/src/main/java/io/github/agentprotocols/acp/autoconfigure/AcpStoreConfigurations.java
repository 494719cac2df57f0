package io.github.agentprotocols.acp.autoconfigure;

import java.time.Clock;

import io.github.agentprotocols.acp.ThreadStore;
import io.github.agentprotocols.acp.r2dbc.AcpSchemaInitializer;
import io.github.agentprotocols.acp.r2dbc.PostgresThreadStore;
import io.github.agentprotocols.acp.store.InMemoryThreadStore;
import io.r2dbc.spi.ConnectionFactory;

import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.r2dbc.core.DatabaseClient;

/**
 * The choice of {@link ThreadStore}, imported in this order by
 * {@link AcpAutoConfiguration}: PostgreSQL when the application has an R2DBC
 * {@link ConnectionFactory}, else the application's memory.
 */
final class AcpStoreConfigurations {

	private AcpStoreConfigurations() {
	}

	@Configuration(proxyBeanMethods = false)
	@ConditionalOnClass(name = { "io.r2dbc.spi.ConnectionFactory", "io.r2dbc.postgresql.PostgresqlConnectionFactory",
			"org.springframework.r2dbc.core.DatabaseClient" })
	@ConditionalOnBean(type = "io.r2dbc.spi.ConnectionFactory")
	@ConditionalOnMissingBean(ThreadStore.class)
	static class Postgres {

		@Bean
		PostgresThreadStore acpThreadStore(ConnectionFactory connectionFactory, AcpProperties properties) {
			return new PostgresThreadStore(DatabaseClient.create(connectionFactory),
					properties.getStore().getTablePrefix());
		}

		@Bean
		@ConditionalOnMissingBean
		@ConditionalOnBooleanProperty(name = "acp.store.initialize-schema", matchIfMissing = true)
		AcpSchemaInitializer acpSchemaInitializer(ConnectionFactory connectionFactory, AcpProperties properties) {
			return new AcpSchemaInitializer(DatabaseClient.create(connectionFactory),
					properties.getStore().getTablePrefix());
		}

	}

	@Configuration(proxyBeanMethods = false)
	@ConditionalOnMissingBean(ThreadStore.class)
	static class InMemory {

		@Bean
		InMemoryThreadStore acpThreadStore(Clock clock) {
			return new InMemoryThreadStore(clock);
		}

	}

}
