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

package io.github.agentprotocols.hpp.autoconfigure.actuate;

import java.util.Locale;

import io.github.agentprotocols.hpp.HandshakeManager;
import io.github.agentprotocols.hpp.SessionStore;
import io.github.agentprotocols.hpp.actuate.HppEndpoint;
import io.github.agentprotocols.hpp.autoconfigure.HppAutoConfiguration;
import io.github.agentprotocols.hpp.autoconfigure.HppProperties;

import org.springframework.boot.actuate.autoconfigure.endpoint.condition.ConditionalOnAvailableEndpoint;
import org.springframework.boot.actuate.endpoint.annotation.Endpoint;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Bean;

/**
 * Auto-configuration of the {@link HppEndpoint}, when actuator is on the class path and
 * the application exposes the endpoint.
 */
@AutoConfiguration(after = HppAutoConfiguration.class)
@ConditionalOnClass({ Endpoint.class, ConditionalOnAvailableEndpoint.class })
@ConditionalOnBean({ HandshakeManager.class, SessionStore.class })
@ConditionalOnAvailableEndpoint(HppEndpoint.class)
public final class HppEndpointAutoConfiguration {

	@Bean
	@ConditionalOnMissingBean
	HppEndpoint hppEndpoint(HandshakeManager manager, SessionStore store, HppProperties properties) {
		return new HppEndpoint(manager, store, properties.getStore().getType().name().toLowerCase(Locale.ROOT));
	}

}
