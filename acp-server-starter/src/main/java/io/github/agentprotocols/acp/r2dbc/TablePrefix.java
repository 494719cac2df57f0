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
