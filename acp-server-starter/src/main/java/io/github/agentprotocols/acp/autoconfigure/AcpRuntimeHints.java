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

import com.corundumstudio.socketio.SocketIOChannelInitializer;
import com.corundumstudio.socketio.protocol.AuthPacket;
import com.corundumstudio.socketio.protocol.ConnPacket;
import com.corundumstudio.socketio.transport.PollingTransport;
import org.jspecify.annotations.Nullable;

import org.springframework.aot.hint.BindingReflectionHintsRegistrar;
import org.springframework.aot.hint.RuntimeHints;
import org.springframework.aot.hint.RuntimeHintsRegistrar;
import org.springframework.util.ClassUtils;

/**
 * {@link RuntimeHintsRegistrar} for ACP: the PostgreSQL schema scripts, found by pattern
 * at start-up, and, when netty-socketio is present, the private fields of it that the
 * Socket.IO transport reads and the handshake packets its Jackson support writes.
 * {@code @AcpAssistant} methods are covered by the annotation, which is
 * {@code @Reflective}.
 */
class AcpRuntimeHints implements RuntimeHintsRegistrar {

	private static final String SOCKET_IO_SERVER = "com.corundumstudio.socketio.SocketIOServer";

	@Override
	public void registerHints(RuntimeHints hints, @Nullable ClassLoader classLoader) {
		hints.resources().registerPattern("META-INF/acp/schema/*.sql");
		if (ClassUtils.isPresent(SOCKET_IO_SERVER, classLoader)) {
			SocketIo.registerHints(hints);
		}
	}

	private static final class SocketIo {

		static void registerHints(RuntimeHints hints) {
			hints.reflection()
				.registerType(SocketIOChannelInitializer.class, (type) -> type.withField("xhrPollingTransport"))
				.registerType(PollingTransport.class,
						(type) -> type.withField("decoder").withField("authorizeHandler").withField("clientsBox"));
			new BindingReflectionHintsRegistrar().registerReflectionHints(hints.reflection(), AuthPacket.class,
					ConnPacket.class);
		}

	}

}
