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

package io.github.agentprotocols.acp.autoconfigure.actuate;

import io.github.agentprotocols.acp.AssistantRuns;
import io.github.agentprotocols.acp.ThreadStore;
import io.github.agentprotocols.acp.actuate.AcpEndpoint;
import io.github.agentprotocols.acp.autoconfigure.AcpRunsAutoConfiguration;
import io.github.agentprotocols.acp.run.RunExecutor;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.actuate.autoconfigure.endpoint.condition.ConditionalOnAvailableEndpoint;
import org.springframework.boot.actuate.endpoint.annotation.Endpoint;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Bean;

/**
 * Auto-configuration of the {@link AcpEndpoint}, when actuator is on the class path and
 * the application exposes the endpoint.
 */
@AutoConfiguration(after = AcpRunsAutoConfiguration.class)
@ConditionalOnClass({ Endpoint.class, ConditionalOnAvailableEndpoint.class })
@ConditionalOnBean({ ThreadStore.class, AssistantRuns.class })
@ConditionalOnAvailableEndpoint(AcpEndpoint.class)
public final class AcpEndpointAutoConfiguration {

	@Bean
	@ConditionalOnMissingBean
	AcpEndpoint acpEndpoint(ThreadStore store, AssistantRuns runs, ObjectProvider<RunExecutor> executor) {
		return new AcpEndpoint(store, runs, executor.getIfAvailable());
	}

}
