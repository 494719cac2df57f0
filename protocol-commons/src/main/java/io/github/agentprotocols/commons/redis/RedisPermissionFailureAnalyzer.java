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
 * Explains a {@link RedisPermissionException}: the user, what it may not run, and the
 * properties and docs section that fix it.
 */
class RedisPermissionFailureAnalyzer extends AbstractFailureAnalyzer<RedisPermissionException> {

	@Override
	protected FailureAnalysis analyze(Throwable rootFailure, RedisPermissionException cause) {
		String description = "The Redis user '" + cause.getUser() + "' may not run what the " + cause.getStarter()
				+ " starter needs. Denied: " + String.join(", ", cause.getDenied());
		String action = "Grant that user the ACL rules that the page docs/how-to/use-a-redis-acl-user.md lists"
				+ " for the " + cause.getStarter() + " starter (with your key prefix), or connect as a user that has"
				+ " them: 'spring.data.redis.username' and 'spring.data.redis.password' (or the user in"
				+ " 'spring.data.redis.url', which takes precedence).";
		return new FailureAnalysis(description, action, cause);
	}

}
