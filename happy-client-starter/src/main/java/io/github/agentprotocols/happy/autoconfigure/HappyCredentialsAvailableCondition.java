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

package io.github.agentprotocols.happy.autoconfigure;

import io.github.agentprotocols.happy.connection.HappyConnectionDetails;
import io.github.agentprotocols.happy.core.HappyCredentials;

import org.springframework.boot.autoconfigure.condition.AnyNestedCondition;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.context.annotation.Conditional;

/**
 * Matches when the application has Happy credentials: configured (even half of them,
 * which then fail the start-up with the missing property named), found in a default key
 * file, or given as a {@link HappyConnectionDetails} or {@link HappyCredentials} bean.
 */
class HappyCredentialsAvailableCondition extends AnyNestedCondition {

	HappyCredentialsAvailableCondition() {
		super(ConfigurationPhase.REGISTER_BEAN);
	}

	@Conditional(HappyCredentialsConfiguredCondition.class)
	static class Configured {

	}

	@ConditionalOnBean(HappyCredentials.class)
	static class Bean {

	}

	@ConditionalOnBean(HappyConnectionDetails.class)
	static class ConnectionDetailsBean {

	}

}
