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

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.Map;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;

@UsesRedis
class RedisFixtureTests {

	@Test
	void urlFromEnvironmentWinsOverDocker() {
		URI url = RedisFixture.resolve(Map.of(RedisFixture.URL_VARIABLE, "redis://localhost:6390"), () -> true,
				() -> URI.create("redis://container:6379"));
		assertThat(url).hasToString("redis://localhost:6390");
	}

	@Test
	void neitherOptionFailsNamingBoth() {
		assertThatIllegalStateException()
			.isThrownBy(() -> RedisFixture.resolve(Map.of(), () -> false, () -> URI.create("redis://unused")))
			.withMessageContaining("TEST_REDIS_URL")
			.withMessageContaining("Docker");
	}

	@Test
	void clusterNodesFromEnvironment() {
		assertThat(RedisCluster.nodes(
				Map.of(RedisFixture.CLUSTER_NODES_VARIABLE, " 127.0.0.1:30001, 127.0.0.1:30002,127.0.0.1:30003 "),
				RedisFixture.CLUSTER_NODES_VARIABLE))
			.containsExactly("127.0.0.1:30001", "127.0.0.1:30002", "127.0.0.1:30003");
	}

	@Test
	void noClusterFailsNamingTheVariableAndTheScript() {
		assertThatIllegalStateException()
			.isThrownBy(() -> RedisCluster.nodes(Map.of(), RedisCluster.FAULT_NODES_VARIABLE))
			.withMessageContaining("TEST_REDIS_FAULT_CLUSTER_NODES")
			.withMessageContaining(".ci/redis-cluster");
	}

	@Test
	void sentinelNodesFromEnvironment() {
		assertThat(RedisSentinel
			.nodes(Map.of(RedisSentinel.NODES_VARIABLE, " 127.0.0.1:33003, 127.0.0.1:33004,127.0.0.1:33005 ")))
			.containsExactly("127.0.0.1:33003", "127.0.0.1:33004", "127.0.0.1:33005");
	}

	@Test
	void noSentinelFailsNamingTheVariableAndTheScript() {
		assertThatIllegalStateException().isThrownBy(() -> RedisSentinel.nodes(Map.of()))
			.withMessageContaining("TEST_REDIS_SENTINEL_NODES")
			.withMessageContaining(".ci/redis-sentinel");
	}

	@Test
	void topologyByName() {
		assertThat(RedisTopology.of(null)).isEqualTo(RedisTopology.STANDALONE);
		assertThat(RedisTopology.of("cluster")).isEqualTo(RedisTopology.CLUSTER);
		assertThatIllegalStateException().isThrownBy(() -> RedisTopology.of("sentinal"))
			.withMessageContaining(RedisFixture.TOPOLOGY_PROPERTY);
	}

	@Test
	void sharedServerAnswersPing() throws IOException {
		URI url = RedisFixture.url();
		try (Socket socket = new Socket(url.getHost(), url.getPort())) {
			OutputStream out = socket.getOutputStream();
			out.write("PING\r\n".getBytes(StandardCharsets.US_ASCII));
			out.flush();
			BufferedReader in = new BufferedReader(
					new InputStreamReader(socket.getInputStream(), StandardCharsets.US_ASCII));
			assertThat(in.readLine()).isEqualTo("+PONG");
		}
	}

}
