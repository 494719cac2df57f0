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

package io.github.agentprotocols.commons.redis;

import java.util.Set;
import java.util.function.Predicate;

import io.lettuce.core.ClientOptions;
import io.lettuce.core.cluster.ClusterClientOptions;
import io.lettuce.core.cluster.models.partitions.RedisClusterNode;
import io.lettuce.core.cluster.models.partitions.RedisClusterNode.NodeFlag;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The node filter a Redis Cluster client gets: failed nodes and nodes without address
 * out, a filter set before kept, other clients untouched.
 */
class RedisClusterNodeFilterTests {

	@Test
	void failedNodesAndNodesWithoutAddressAreFilteredOut() {
		Predicate<RedisClusterNode> filter = customized(ClusterClientOptions.builder()).getNodeFilter();
		assertThat(filter.test(node(NodeFlag.UPSTREAM))).isTrue();
		assertThat(filter.test(node(NodeFlag.REPLICA))).isTrue();
		assertThat(filter.test(node(NodeFlag.UPSTREAM, NodeFlag.FAIL))).isFalse();
		assertThat(filter.test(node(NodeFlag.REPLICA, NodeFlag.EVENTUAL_FAIL))).isFalse();
		assertThat(filter.test(node(NodeFlag.UPSTREAM, NodeFlag.NOADDR))).isFalse();
	}

	@Test
	void aFilterSetBeforeIsKept() {
		ClusterClientOptions.Builder builder = ClusterClientOptions.builder()
			.nodeFilter((node) -> !node.is(NodeFlag.REPLICA));
		Predicate<RedisClusterNode> filter = customized(builder).getNodeFilter();
		assertThat(filter.test(node(NodeFlag.UPSTREAM))).isTrue();
		assertThat(filter.test(node(NodeFlag.REPLICA))).isFalse();
		assertThat(filter.test(node(NodeFlag.UPSTREAM, NodeFlag.FAIL))).isFalse();
	}

	@Test
	void otherClientsAreLeftAsTheyAre() {
		ClientOptions.Builder builder = ClientOptions.builder();
		new RedisClusterNodeFilter().customize(builder);
		assertThat(builder.build()).isNotInstanceOf(ClusterClientOptions.class);
	}

	private static ClusterClientOptions customized(ClusterClientOptions.Builder builder) {
		new RedisClusterNodeFilter().customize(builder);
		return builder.build();
	}

	private static RedisClusterNode node(NodeFlag... flags) {
		RedisClusterNode node = new RedisClusterNode();
		node.setFlags(Set.of(flags));
		return node;
	}

}
