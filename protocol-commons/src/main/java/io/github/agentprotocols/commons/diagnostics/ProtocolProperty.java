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

package io.github.agentprotocols.commons.diagnostics;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.jspecify.annotations.Nullable;

/**
 * A property that a starter needs, and the checks of its bound value that fail the
 * start-up naming it: a value that is missing, or that is still a placeholder. Spring
 * Boot's binding resolves {@code ${NAME}} placeholders but leaves one that nothing
 * resolves as literal text (an application configuration writing {@code token:
 * ${LIME_SITE_TOKEN}} without that environment variable binds
 * {@code ${LIME_SITE_TOKEN}}); no secret, URL or path of a starter is such text.
 *
 * @param name the property, for example {@code lime.site.token}
 * @param environmentVariable the environment variable that sets it too, or {@code null}
 * @param purpose what the property is for, in a few words
 */
public record ProtocolProperty(String name, @Nullable String environmentVariable, String purpose) {

	private static final Pattern PLACEHOLDER = Pattern.compile("\\$\\{([^:}$]+)");

	/**
	 * Return the value of the property, which must be set.
	 * @param value the bound value
	 * @return the value, trimmed
	 * @throws MissingProtocolPropertyException when the value is empty or blank
	 * @throws UnresolvedProtocolPropertyException when the value holds a placeholder
	 */
	public String require(@Nullable String value) {
		if (value == null || value.isBlank()) {
			throw new MissingProtocolPropertyException(this.name, this.environmentVariable, this.purpose);
		}
		checkResolved(value);
		return value.trim();
	}

	/**
	 * Return the value of the property, which may be unset but not a placeholder.
	 * @param value the bound value, or {@code null}
	 * @return the value
	 * @throws UnresolvedProtocolPropertyException when the value holds a placeholder
	 */
	public @Nullable String resolved(@Nullable String value) {
		if (value != null) {
			checkResolved(value);
		}
		return value;
	}

	private void checkResolved(String value) {
		Matcher placeholder = PLACEHOLDER.matcher(value);
		if (placeholder.find()) {
			throw new UnresolvedProtocolPropertyException(this.name, this.environmentVariable, this.purpose, value,
					placeholder.group(1).trim());
		}
	}

}
