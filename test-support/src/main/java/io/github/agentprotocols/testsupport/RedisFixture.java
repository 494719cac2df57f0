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
import java.util.Map;
import java.util.function.BooleanSupplier;
import java.util.function.Supplier;

import org.testcontainers.DockerClientFactory;
import org.testcontainers.containers.GenericContainer;

import org.springframework.test.context.DynamicPropertyRegistry;

/**
 * The Redis that tests run against, in the {@linkplain #topology() topology} the build
 * chose for this JVM. A stand-alone server comes from the {@value #URL_VARIABLE}
 * environment variable when set, else from a Testcontainers container when a Docker
 * engine is available; with neither, asking for it fails with a message naming both
 * options. A Redis Cluster comes from {@value #CLUSTER_NODES_VARIABLE} ({@code .ci/run}
 * starts one with {@code .ci/redis-cluster}). Tests are never skipped for want of a
 * server.
 */
public final class RedisFixture {

	/** Environment variable holding a {@code redis://host:port} URL. */
	public static final String URL_VARIABLE = "TEST_REDIS_URL";

	/**
	 * Environment variable holding the nodes of a Redis Cluster, as
	 * {@code host:port,host:port,...}.
	 */
	public static final String CLUSTER_NODES_VARIABLE = "TEST_REDIS_CLUSTER_NODES";

	/**
	 * System property naming the topology of this JVM's tests: {@code standalone} (the
	 * default) or {@code cluster}; the build's {@code redis-cluster} Failsafe execution
	 * sets {@code cluster}.
	 */
	public static final String TOPOLOGY_PROPERTY = "agentprotocols.tests.redis-topology";

	private static URI shared;

	private RedisFixture() {
	}

	/**
	 * Return the Redis URL shared by all tests of this JVM, resolving it on first use.
	 * @return the URL
	 * @throws IllegalStateException if neither option is available, or in the unit-test
	 * phase (the test class lacks {@link UsesRedis})
	 */
	public static synchronized URI url() {
		ExternalServices.requireIntegrationPhase("Redis", UsesRedis.class);
		if (shared == null) {
			shared = resolve(System.getenv(), () -> DockerClientFactory.instance().isDockerAvailable(),
					RedisFixture::startContainer);
		}
		return shared;
	}

	/**
	 * The topology that this JVM's Redis tests run against.
	 * @return the topology, from {@value #TOPOLOGY_PROPERTY}
	 */
	public static RedisTopology topology() {
		return RedisTopology.of(System.getProperty(TOPOLOGY_PROPERTY));
	}

	/**
	 * The Spring Boot property that points an application at the Redis of this JVM's
	 * topology: {@code spring.data.redis.url} or {@code spring.data.redis.cluster.nodes}.
	 * @return the property as {@code name=value}
	 */
	public static String connectionProperty() {
		return (topology() == RedisTopology.CLUSTER) ? RedisCluster.shared().connectionProperty()
				: "spring.data.redis.url=" + url();
	}

	/**
	 * Point Spring Boot's Redis auto-configuration at the Redis of this JVM's topology.
	 * @param registry the registry of a {@code @DynamicPropertySource} method
	 */
	public static void registerRedisProperties(DynamicPropertyRegistry registry) {
		if (topology() == RedisTopology.CLUSTER) {
			registry.add("spring.data.redis.cluster.nodes", () -> String.join(",", RedisCluster.shared().nodes()));
		}
		else {
			registry.add("spring.data.redis.url", () -> url().toString());
		}
	}

	static URI resolve(Map<String, String> environment, BooleanSupplier dockerAvailable, Supplier<URI> container) {
		String url = environment.get(URL_VARIABLE);
		if (url != null && !url.isBlank()) {
			return URI.create(url.trim());
		}
		if (dockerAvailable.getAsBoolean()) {
			return container.get();
		}
		throw new IllegalStateException("No Redis for tests: set " + URL_VARIABLE
				+ " to a URL such as redis://127.0.0.1:6379 (.ci/run does this), or make a Docker engine"
				+ " available so that Testcontainers can start one.");
	}

	@SuppressWarnings("resource")
	private static URI startContainer() {
		GenericContainer<?> container = new GenericContainer<>("redis:7-alpine").withExposedPorts(6379);
		container.start();
		return URI.create("redis://" + container.getHost() + ":" + container.getMappedPort(6379));
	}

}
