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

import java.util.Locale;

import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.jspecify.annotations.Nullable;

import org.springframework.boot.context.properties.ConfigurationPropertiesBindHandlerAdvisor;
import org.springframework.boot.context.properties.bind.AbstractBindHandler;
import org.springframework.boot.context.properties.bind.BindContext;
import org.springframework.boot.context.properties.bind.BindHandler;
import org.springframework.boot.context.properties.bind.Bindable;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.ConfigurationProperty;
import org.springframework.boot.context.properties.source.ConfigurationPropertyName;
import org.springframework.boot.origin.Origin;
import org.springframework.boot.sql.init.DatabaseInitializationMode;
import org.springframework.core.env.Environment;

/**
 * Binds {@code acp.store.initialize-schema}, a {@link DatabaseInitializationMode} that
 * was a boolean before: the deprecated {@code true} and {@code false} still bind, as
 * {@code always} and {@code never}, and the binding of {@link AcpProperties} logs a
 * warning naming the mode to set instead. Any other value that is not a mode fails the
 * binding as usual.
 */
final class InitializeSchemaProperty {

	static final String NAME = "acp.store.initialize-schema";

	private static final ConfigurationPropertyName PROPERTY = ConfigurationPropertyName.of(NAME);

	private static final Log logger = LogFactory.getLog(InitializeSchemaProperty.class);

	private InitializeSchemaProperty() {
	}

	/**
	 * The mode an environment sets, for conditions: the deprecated values are read
	 * without a warning, which the binding of {@link AcpProperties} logs.
	 * @param environment the environment
	 * @return the mode, {@code embedded} when the property is not set
	 */
	static DatabaseInitializationMode mode(Environment environment) {
		return Binder.get(environment)
			.bind(NAME, Bindable.of(DatabaseInitializationMode.class), new BooleanValues(BindHandler.DEFAULT, false))
			.orElse(DatabaseInitializationMode.EMBEDDED);
	}

	/**
	 * The advisor through which the binding of {@link AcpProperties} reads the deprecated
	 * values, with a warning.
	 * @return the advisor
	 */
	static ConfigurationPropertiesBindHandlerAdvisor bindHandlerAdvisor() {
		return (handler) -> new BooleanValues(handler, true);
	}

	/**
	 * The mode a deprecated value stands for.
	 * @param value the value as configured
	 * @return {@code always} for {@code true}, {@code never} for {@code false}, else
	 * {@code null}
	 */
	private static @Nullable DatabaseInitializationMode booleanValue(@Nullable Object value) {
		String text = String.valueOf(value).trim();
		if (text.equalsIgnoreCase("true")) {
			return DatabaseInitializationMode.ALWAYS;
		}
		if (text.equalsIgnoreCase("false")) {
			return DatabaseInitializationMode.NEVER;
		}
		return null;
	}

	/**
	 * Turns the failure to bind a deprecated value to a mode into that value's mode.
	 */
	private static final class BooleanValues extends AbstractBindHandler {

		private final boolean warn;

		BooleanValues(BindHandler parent, boolean warn) {
			super(parent);
			this.warn = warn;
		}

		@Override
		public @Nullable Object onFailure(ConfigurationPropertyName name, Bindable<?> target, BindContext context,
				Exception error) throws Exception {
			ConfigurationProperty property = context.getConfigurationProperty();
			DatabaseInitializationMode mode = (PROPERTY.equals(name) && property != null)
					? booleanValue(property.getValue()) : null;
			if (mode == null) {
				return super.onFailure(name, target, context, error);
			}
			if (this.warn) {
				logger.warn(deprecation(property, mode));
			}
			return mode;
		}

		private static String deprecation(ConfigurationProperty property, DatabaseInitializationMode mode) {
			String replacement = mode.name().toLowerCase(Locale.ROOT);
			Origin origin = property.getOrigin();
			return NAME + "=" + property.getValue() + " is deprecated and read as " + replacement + ": set "
					+ replacement + " instead" + ((origin != null) ? " (" + origin + ")" : "");
		}

	}

}
