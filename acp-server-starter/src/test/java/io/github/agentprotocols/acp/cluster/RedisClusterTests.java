package io.github.agentprotocols.acp.cluster;

import io.github.agentprotocols.acp.r2dbc.AcpTestDatabase;
import io.github.agentprotocols.testsupport.RedisFixture;
import io.github.agentprotocols.testsupport.UsesPostgres;
import io.github.agentprotocols.testsupport.UsesRedis;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import org.springframework.boot.builder.SpringApplicationBuilder;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Two instances on one PostgreSQL database, relaying over Redis pub/sub
 * ({@code acp.cluster.transport=redis}).
 */
@UsesRedis
@UsesPostgres
class RedisClusterTests extends ClusterContractTests {

	static final AcpTestDatabase database = AcpTestDatabase.create(RedisClusterTests.class);

	static ClusterInstance a;

	static ClusterInstance b;

	@BeforeAll
	static void startInstances() {
		a = start();
		b = start();
	}

	@AfterAll
	static void stopInstances() {
		try {
			a.close();
			b.close();
		}
		finally {
			database.close();
		}
	}

	static ClusterInstance start() {
		return ClusterInstance.start(new SpringApplicationBuilder(ClusterTestApplication.class),
				"spring.r2dbc.url=" + database.r2dbcUrl(), "spring.data.redis.url=" + RedisFixture.url(),
				"acp.cluster.transport=redis");
	}

	@Override
	ClusterInstance a() {
		return a;
	}

	@Override
	ClusterInstance b() {
		return b;
	}

	@Test
	void redisIsTheChosenTransport() {
		assertThat(b.relay().transport()).isEqualTo("redis");
		assertThat(b.relay().isListening()).isTrue();
	}

}
