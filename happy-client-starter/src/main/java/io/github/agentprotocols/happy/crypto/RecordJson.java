package io.github.agentprotocols.happy.crypto;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.jspecify.annotations.Nullable;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.json.JsonMapper;

import io.github.agentprotocols.happy.HappyEncryptionException;

/**
 * The JSON plaintext of encrypted records: compact UTF-8 on writing; on reading,
 * immutable values ({@code Map} in document order, {@code List}, {@code String},
 * {@code Long} or {@code BigInteger}, {@code Double}, {@code Boolean}, {@code null}).
 */
final class RecordJson {

	private static final JsonMapper MAPPER = JsonMapper.builder()
		.enable(DeserializationFeature.USE_LONG_FOR_INTS)
		.build();

	private RecordJson() {
	}

	static byte[] write(@Nullable Object value) {
		try {
			return MAPPER.writeValueAsBytes(value);
		}
		catch (JacksonException ex) {
			throw new HappyEncryptionException("Value cannot be written as JSON: " + ex.getOriginalMessage(), ex);
		}
	}

	static @Nullable Object read(byte[] json) {
		try {
			return immutable(MAPPER.readValue(json, Object.class));
		}
		catch (JacksonException ex) {
			throw new HappyEncryptionException("Decrypted record is not valid JSON: " + ex.getOriginalMessage(), ex);
		}
	}

	private static @Nullable Object immutable(@Nullable Object value) {
		if (value instanceof Map<?, ?> map) {
			Map<String, @Nullable Object> copy = new LinkedHashMap<>();
			map.forEach((key, entry) -> copy.put((String) key, immutable(entry)));
			return Collections.unmodifiableMap(copy);
		}
		if (value instanceof List<?> list) {
			List<@Nullable Object> copy = new ArrayList<>(list.size());
			list.forEach((entry) -> copy.add(immutable(entry)));
			return Collections.unmodifiableList(copy);
		}
		return value;
	}

}
