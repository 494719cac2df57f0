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

import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;

/**
 * Reports a {@link RedisSentinelException} as the Sentinel property to fix.
 */
class RedisSentinelFailureAnalyzer extends AbstractFailureAnalyzer<RedisSentinelException> {

	@Override
	protected FailureAnalysis analyze(Throwable rootFailure, RedisSentinelException cause) {
		String action = RedisSentinelCheck.MASTER.equals(cause.getProperty())
				? "Set '" + RedisSentinelCheck.MASTER + "' to the name under which the sentinels monitor the master"
						+ " (their 'sentinel monitor <name> ...' line)."
				: "Set '" + RedisSentinelCheck.NODES + "' to the sentinels' host:port pairs, comma-separated"
						+ " (sentinels listen on 26379 by default, not on the Redis port), and check that they run and"
						+ " that 'spring.data.redis.sentinel.username' and 'password' are theirs.";
		return new FailureAnalysis(cause.getMessage(), action, cause);
	}

}
