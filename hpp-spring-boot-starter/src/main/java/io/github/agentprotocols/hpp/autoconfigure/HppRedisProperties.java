package io.github.agentprotocols.hpp.autoconfigure;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Settings of the Redis store of the Handshake Prompt Protocol starter (hpp.store=redis),
 * bound under {@code hpp.redis}. The connection itself is Spring Boot's, configured with
 * spring.data.redis.*.
 */
@ConfigurationProperties("hpp.redis")
public class HppRedisProperties {

	/**
	 * Prefix of every Redis key and pub/sub channel of the starter. Give applications
	 * that share a Redis server different prefixes; on Redis Cluster include a hash tag,
	 * for example {hpp}:.
	 */
	private String keyPrefix = "hpp:";

	public String getKeyPrefix() {
		return this.keyPrefix;
	}

	public void setKeyPrefix(String keyPrefix) {
		this.keyPrefix = keyPrefix;
	}

}
