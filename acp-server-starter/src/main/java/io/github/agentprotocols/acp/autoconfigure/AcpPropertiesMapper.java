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

package io.github.agentprotocols.acp.autoconfigure;

import java.net.InetAddress;
import java.util.List;
import java.util.Objects;

import io.github.agentprotocols.acp.NamespaceKeys;
import io.github.agentprotocols.acp.run.RunSettings;
import io.github.agentprotocols.acp.socketio.AllowedOrigins;
import io.github.agentprotocols.acp.socketio.SocketIoSettings;

import org.springframework.boot.context.properties.source.InvalidConfigurationPropertyValueException;

/**
 * Maps {@link AcpProperties} to the settings of the engine's parts.
 */
final class AcpPropertiesMapper {

	private final AcpProperties properties;

	AcpPropertiesMapper(AcpProperties properties) {
		this.properties = properties;
	}

	/**
	 * The tenant keys of namespace mode.
	 * @return the keys
	 * @throws InvalidConfigurationPropertyValueException if the list is invalid
	 */
	NamespaceKeys namespaceKeys() {
		List<String> keys = Objects.requireNonNullElse(this.properties.getNamespaceKeys(), List.of());
		try {
			return new NamespaceKeys(keys);
		}
		catch (IllegalArgumentException ex) {
			throw new InvalidConfigurationPropertyValueException(OnNamespaceKeysCondition.PROPERTY, keys,
					ex.getMessage() + " (namespace mode takes an ordered list of distinct, non-empty tenant keys;"
							+ " leave the property unset to turn it off)");
		}
	}

	/**
	 * The REST API's base path, without a trailing slash.
	 * @return the path
	 */
	String restBasePath() {
		return trimSlash(this.properties.getRest().getBasePath());
	}

	/**
	 * The largest accepted request body or Socket.IO payload.
	 * @return the size in bytes
	 */
	int maxBodyBytes() {
		return (int) this.properties.getLimits().getMaxBodySize().toBytes();
	}

	/**
	 * The Socket.IO server's settings.
	 * @return the settings
	 */
	SocketIoSettings socketIoSettings() {
		AcpProperties.Socketio socketio = this.properties.getSocketio();
		return new SocketIoSettings(trimSlash(socketio.getPath()),
				socketio.getAdditionalPaths().stream().map(AcpPropertiesMapper::trimSlash).toList(), socketio.getPort(),
				Objects.requireNonNullElse(socketio.getAddress(), InetAddress.getLoopbackAddress()),
				AllowedOrigins.of(socketio.getAllowedOrigins()), this.properties.getReplayCap(), maxBodyBytes(),
				socketio.getConnectTimeout(), socketio.getMaxPendingConnections());
	}

	/**
	 * The run executor's settings.
	 * @return the settings
	 */
	RunSettings runSettings() {
		return new RunSettings(this.properties.getRunTimeout(), this.properties.getMaxChainDepth(),
				this.properties.getAnalytics().getMaxBatchSize(), this.properties.getExecutor().getConcurrency(),
				this.properties.getShutdown().getGrace(), this.properties.getWatchdog().getInterval(),
				this.properties.getWatchdog().getGrace());
	}

	/**
	 * The prefix of the PostgreSQL tables and channels.
	 * @return the prefix
	 */
	String tablePrefix() {
		return this.properties.getStore().getTablePrefix();
	}

	private static String trimSlash(String path) {
		return path.endsWith("/") ? path.substring(0, path.length() - 1) : path;
	}

}
