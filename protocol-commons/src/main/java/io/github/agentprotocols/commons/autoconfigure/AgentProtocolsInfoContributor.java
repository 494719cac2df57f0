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
