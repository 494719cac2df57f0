package io.github.agentprotocols.acp.observation;

import io.micrometer.common.KeyValues;
import io.micrometer.common.docs.KeyName;
import org.jspecify.annotations.Nullable;

/**
 * High-cardinality key values that are present only when known.
 */
final class Ids {

	private Ids() {
	}

	static KeyValues of(KeyName key, @Nullable String value) {
		return (value != null) ? KeyValues.of(key.withValue(value)) : KeyValues.empty();
	}

}
