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

package io.github.agentprotocols.commons.autoconfigure;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.github.agentprotocols.commons.AgentProtocol;

import org.springframework.boot.actuate.info.Info;
import org.springframework.boot.actuate.info.InfoContributor;

/**
 * Lists the active protocol starters under {@code agentProtocols} in the {@code info}
 * endpoint, keyed by protocol name.
 */
class AgentProtocolsInfoContributor implements InfoContributor {

	private final List<AgentProtocol> protocols;

	AgentProtocolsInfoContributor(List<AgentProtocol> protocols) {
		this.protocols = protocols;
	}

	@Override
	public void contribute(Info.Builder builder) {
		Map<String, Object> entries = new LinkedHashMap<>();
		for (AgentProtocol protocol : this.protocols) {
			entries.put(protocol.name(),
					Map.of("title", protocol.title(), "propertyPrefix", protocol.propertyPrefix()));
		}
		builder.withDetail("agentProtocols", entries);
	}

}
