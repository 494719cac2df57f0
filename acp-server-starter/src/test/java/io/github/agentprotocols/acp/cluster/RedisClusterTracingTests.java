package io.github.agentprotocols.acp.cluster;

import java.util.List;

import io.github.agentprotocols.testsupport.RedisFixture;
import io.github.agentprotocols.testsupport.UsesPostgres;
import io.github.agentprotocols.testsupport.UsesRedis;

/**
 * The span tree across two instances relaying over Redis pub/sub: the trace travels in
 * the published message.
 */
@UsesRedis
@UsesPostgres
class RedisClusterTracingTests extends ClusterTracingContractTests {

	@Override
	List<String> transportProperties() {
		return List.of("spring.data.redis.url=" + RedisFixture.url(), "acp.cluster.transport=redis");
	}

	@Override
	String transport() {
		return "redis";
	}

}
