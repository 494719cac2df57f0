package io.github.agentprotocols.lime.autoconfigure;

import org.jspecify.annotations.Nullable;

/**
 * Thrown at start-up when the configuration sets a LIME property under its old name,
 * which no longer binds. {@code LimeRenamedPropertyFailureAnalyzer} reports the new name.
 */
public class LimeRenamedPropertyException extends RuntimeException {

	private final String property;

	private final String replacement;

	private final @Nullable String hint;

	LimeRenamedPropertyException(String property, String replacement, @Nullable String hint) {
		super("The property '" + property + "' was renamed to '" + replacement + "' and no longer has any effect");
		this.property = property;
		this.replacement = replacement;
		this.hint = hint;
	}

	/**
	 * The old name the configuration sets.
	 * @return the old name
	 */
	public String getProperty() {
		return this.property;
	}

	/**
	 * The name to use instead.
	 * @return the new name
	 */
	public String getReplacement() {
		return this.replacement;
	}

	/**
	 * How the value changes with the name, if it does.
	 * @return the hint, or {@code null}
	 */
	public @Nullable String getHint() {
		return this.hint;
	}

}
