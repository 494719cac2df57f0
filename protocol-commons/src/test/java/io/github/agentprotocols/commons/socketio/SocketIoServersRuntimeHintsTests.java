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

package io.github.agentprotocols.commons.socketio;

import com.corundumstudio.socketio.SocketIOChannelInitializer;
import com.corundumstudio.socketio.SocketIOServer;
import org.junit.jupiter.api.Test;

import org.springframework.aot.hint.RuntimeHints;
import org.springframework.aot.hint.RuntimeHintsRegistrar;
import org.springframework.aot.hint.predicate.RuntimeHintsPredicates;
import org.springframework.core.io.support.SpringFactoriesLoader;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The registrars listed in {@code META-INF/spring/aot.factories} register the private
 * netty-socketio fields {@link SocketIoServers} reads, so that it can shut a server down
 * in a native image.
 */
class SocketIoServersRuntimeHintsTests {

	@Test
	void aotFactoriesRegisterTheFieldsSocketIoServersReads() {
		RuntimeHints hints = new RuntimeHints();
		SpringFactoriesLoader.forResourceLocation("META-INF/spring/aot.factories")
			.load(RuntimeHintsRegistrar.class)
			.forEach((registrar) -> registrar.registerHints(hints, getClass().getClassLoader()));
		for (String field : new String[] { "bossGroup", "workerGroup", "pipelineFactory" }) {
			assertThat(RuntimeHintsPredicates.reflection().onFieldAccess(SocketIOServer.class, field)).as(field)
				.accepts(hints);
		}
		assertThat(RuntimeHintsPredicates.reflection().onFieldAccess(SocketIOChannelInitializer.class, "scheduler"))
			.accepts(hints);
	}

}
