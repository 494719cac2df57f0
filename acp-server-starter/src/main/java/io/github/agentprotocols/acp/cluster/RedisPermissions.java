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

package io.github.agentprotocols.acp.cluster;

import java.util.List;
import java.util.stream.Stream;

import io.github.agentprotocols.commons.redis.RedisPermissionCheck;

/**
 * What the Redis relay of the ACP starter sends, as {@link RedisPermissionCheck} checks
 * it at start-up: publishing and subscribing on its channel, the check's own
 * {@code EVAL}, and the commands of Spring Boot's health and Lettuce's cluster view. The
 * page docs/how-to/use-a-redis-acl-user.md lists the same as ACL rules.
 */
public final class RedisPermissions {

	private static final List<String> KEYLESS = List.of("ping", "info", "cluster info", "cluster nodes", "cluster myid",
			"eval return 0");

	private RedisPermissions() {
	}

	/**
	 * The commands to check, with their arguments.
	 * @param tablePrefix the prefix of the relay's channel
	 * ({@code acp.store.table-prefix})
	 * @return the commands, each with its arguments separated by spaces
	 */
	public static List<String> commands(String tablePrefix) {
		List<String> onChannel = RedisPermissionCheck.on(RedisClusterChannel.channel(tablePrefix), "publish * m",
				"subscribe", "unsubscribe");
		return Stream.concat(KEYLESS.stream(), onChannel.stream()).toList();
	}

}
