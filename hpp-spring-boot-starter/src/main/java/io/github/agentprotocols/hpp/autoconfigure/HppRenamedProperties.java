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

package io.github.agentprotocols.hpp.autoconfigure;

import java.util.List;

import io.github.agentprotocols.commons.diagnostics.RenamedPropertiesCheck;
import io.github.agentprotocols.commons.diagnostics.RenamedProperty;

import org.springframework.core.env.Environment;

/**
 * Fails start-up, before any bean is created, when the configuration still sets an HPP
 * property under a name it no longer has: such a property binds to nothing, and the
 * starter would silently run with its default (with {@code hpp.store=redis}, each
 * instance alone in memory; with {@code hpp.require-principal=true}, anonymous sessions
 * accepted). The names are those of the {@code deprecation} entries in
 * {@code META-INF/additional-spring-configuration-metadata.json}. The failure is Spring
 * Boot's {@code InvalidConfigurationPropertyValueException}, whose failure analysis shows
 * where the old name is set and the reason naming the new one.
 */
class HppRenamedProperties extends RenamedPropertiesCheck {

	/** Every renamed property, old name first. */
	static final List<RenamedProperty> RENAMES = List.of(
			new RenamedProperty("hpp.store", "hpp.store.type", "hpp.store is now a group: set hpp.store.type=redis"),
			new RenamedProperty("hpp.redis.key-prefix", "hpp.store.key-prefix", null),
			new RenamedProperty("hpp.rate-limit-per-min", "hpp.rate-limit-per-minute", null),
			new RenamedProperty("hpp.extend-rate-limit-per-min", "hpp.extend-rate-limit-per-minute", null),
			new RenamedProperty("hpp.bind-user-edits-to-creator", "hpp.bind-user-edits-to-owner", null),
			new RenamedProperty("hpp.require-principal", "hpp.require-owner", null),
			new RenamedProperty("hpp.limits.max-sessions-per-principal", "hpp.limits.max-sessions-per-owner", null));

	HppRenamedProperties() {
		super(RENAMES);
	}

	static void check(Environment environment) {
		check(environment, RENAMES);
	}

}
