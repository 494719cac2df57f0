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

import java.util.function.Predicate;

import io.lettuce.core.ClientOptions;
import io.lettuce.core.cluster.ClusterClientOptions;
import io.lettuce.core.cluster.models.partitions.RedisClusterNode;
import io.lettuce.core.cluster.models.partitions.RedisClusterNode.NodeFlag;

import org.springframework.boot.data.redis.autoconfigure.LettuceClientOptionsBuilderCustomizer;

/**
 * Keeps the nodes that the cluster flags as failed ({@code fail}, {@code fail?}) or
 * without address ({@code noaddr}) out of the application's Lettuce view of a Redis
 * Cluster, as Lettuce documents for its node filter; any filter set before is kept too. A
 * client of another kind of Redis is left as it is.
 * <p>
 * Lettuce opens the connections that no slot places (a subscription's, that of commands
 * without a key) to a node of its view, round robin from the node with the fewest
 * clients, and reconnects them the same way; when that node's process is killed, it
 * reconnects to the dead node again for as long as its view holds it, which a
 * subscription meets as silence until the node comes back. Once the refreshed view lacks
 * the node (see {@link RedisClusterTopologyWatch}), the next reconnection goes to a live
 * node.
 */
public final class RedisClusterNodeFilter implements LettuceClientOptionsBuilderCustomizer {

	private static final Predicate<RedisClusterNode> LIVE = (node) -> !node.is(NodeFlag.FAIL)
			&& !node.is(NodeFlag.EVENTUAL_FAIL) && !node.is(NodeFlag.NOADDR);

	@Override
	public void customize(ClientOptions.Builder builder) {
		if (builder instanceof ClusterClientOptions.Builder cluster
				&& builder.build() instanceof ClusterClientOptions options) {
			cluster.nodeFilter(options.getNodeFilter().and(LIVE));
		}
	}

}
