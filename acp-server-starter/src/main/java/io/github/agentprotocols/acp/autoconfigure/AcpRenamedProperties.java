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

import java.util.List;

import io.github.agentprotocols.commons.diagnostics.RenamedPropertiesCheck;
import io.github.agentprotocols.commons.diagnostics.RenamedProperty;

import org.springframework.core.env.Environment;

/**
 * Fails start-up, before any bean is created, when the configuration still sets an ACP
 * property under a name it no longer has: such a property binds to nothing, and the
 * starter would silently run with its default. The names are those of the
 * {@code deprecation} entries in
 * {@code META-INF/additional-spring-configuration-metadata.json}.
 */
class AcpRenamedProperties extends RenamedPropertiesCheck {

	/** Every renamed property, old name first. */
	static final List<RenamedProperty> RENAMES = List.of(new RenamedProperty("acp.socketio.websocket-upgrade",
			"acp.socketio.application-port", "it now decides for long-polling too, with the same values"));

	AcpRenamedProperties() {
		super(RENAMES);
	}

	static void check(Environment environment) {
		check(environment, RENAMES);
	}

}
