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

package io.github.agentprotocols.testsupport;

import java.net.URI;
import java.util.ArrayList;
import java.util.List;

import org.springframework.data.redis.connection.RedisStandaloneConfiguration;
import org.springframework.data.redis.connection.lettuce.LettuceConnectionFactory;
import org.springframework.data.redis.core.ReactiveStringRedisTemplate;
import org.springframework.data.redis.core.ScanOptions;

/**
 * Connections to the test Redis server ({@link RedisFixture}), each one separate like
 * those of different application instances, under a key prefix of their own so that test
 * classes do not meet. Closing deletes every key under the prefix.
 */
public class RedisConnections implements AutoCloseable {

	private final String prefix;

	private final List<LettuceConnectionFactory> factories = new ArrayList<>();

	/**
	 * Connections whose keys all start with the given prefix.
	 * @param prefix the key prefix the tests use
	 */
	public RedisConnections(String prefix) {
		this.prefix = prefix;
	}

	/**
	 * A new connection factory, started; closed with these connections.
	 * @return the factory
	 */
	public LettuceConnectionFactory factory() {
		URI url = RedisFixture.url();
		LettuceConnectionFactory factory = new LettuceConnectionFactory(
				new RedisStandaloneConfiguration(url.getHost(), url.getPort()));
		factory.afterPropertiesSet();
		factory.start();
		this.factories.add(factory);
		return factory;
	}

	/** Deletes every key under the prefix and closes the connections. */
	@Override
	public void close() {
		if (!this.factories.isEmpty()) {
			ReactiveStringRedisTemplate redis = new ReactiveStringRedisTemplate(this.factories.get(0));
			redis.scan(ScanOptions.scanOptions().match(this.prefix + "*").build()).flatMap(redis::delete).blockLast();
		}
		this.factories.forEach(LettuceConnectionFactory::destroy);
		this.factories.clear();
	}

}
