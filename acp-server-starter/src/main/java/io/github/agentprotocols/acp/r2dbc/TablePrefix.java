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

package io.github.agentprotocols.acp.r2dbc;

import java.util.regex.Pattern;

/**
 * The prefix of the ACP tables and indexes ({@code acp_} by default), substituted for
 * {@code ${prefix}} in SQL. Only lower-case letters, digits and underscores are allowed,
 * so the prefix is safe to splice into SQL.
 *
 * @param value the prefix
 */
record TablePrefix(String value) {

	private static final Pattern VALID = Pattern.compile("[a-z_][a-z0-9_]{0,31}");

	/** The prefix used when none is configured. */
	static final String DEFAULT = "acp_";

	TablePrefix {
		if (!VALID.matcher(value).matches()) {
			throw new IllegalArgumentException("table prefix must match " + VALID.pattern() + ": '" + value + "'");
		}
	}

	/**
	 * The SQL of a template with this prefix.
	 * @param template SQL naming tables as {@code ${prefix}threads}
	 * @return the SQL
	 */
	String sql(String template) {
		return template.replace("${prefix}", this.value);
	}

}
