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
import java.util.Set;
import java.util.stream.Collectors;

import io.github.agentprotocols.commons.AgentProtocol;

import org.springframework.boot.health.actuate.endpoint.HealthEndpointGroup;
import org.springframework.boot.health.actuate.endpoint.HealthEndpointGroups;
import org.springframework.boot.health.actuate.endpoint.HealthEndpointGroupsPostProcessor;

/**
 * Adds the {@link #GROUP agentProtocols} health group, gathering the health contributors
 * of every active protocol starter. A group of the same name configured through
 * {@code management.endpoint.health.group.agentProtocols.*} is left as the user defined
 * it.
 */
class AgentProtocolsHealthEndpointGroupsPostProcessor implements HealthEndpointGroupsPostProcessor {

	/** Name of the health group. */
	static final String GROUP = "agentProtocols";

	private final List<AgentProtocol> protocols;

	AgentProtocolsHealthEndpointGroupsPostProcessor(List<AgentProtocol> protocols) {
		this.protocols = protocols;
	}

	@Override
	public HealthEndpointGroups postProcessHealthEndpointGroups(HealthEndpointGroups groups) {
		if (groups.get(GROUP) != null) {
			return groups;
		}
		Map<String, HealthEndpointGroup> all = new LinkedHashMap<>();
		groups.getNames().forEach((name) -> all.put(name, groups.get(name)));
		Set<String> members = this.protocols.stream().map(AgentProtocol::name).collect(Collectors.toSet());
		all.put(GROUP, new AgentProtocolsHealthGroup(groups.getPrimary(), members));
		return HealthEndpointGroups.of(groups.getPrimary(), all);
	}

}
