package io.github.agentprotocols.testsupport;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URL;
import java.util.Collections;

import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Reads the {@code deprecation} entry of a renamed property in the configuration metadata
 * that Spring Boot's configuration processor generates (merging the module's
 * {@code META-INF/additional-spring-configuration-metadata.json}), as
 * {@code spring-boot-properties-migrator} reads it.
 */
public final class RenamedPropertyMetadata {

	private static final String METADATA = "META-INF/spring-configuration-metadata.json";

	private RenamedPropertyMetadata() {
	}

	/**
	 * The replacement of a property deprecated at level {@code error}.
	 * @param classLoader the class loader holding the module's metadata
	 * @param name the old name
	 * @return the new name, or {@code null} when the metadata has no such property
	 * deprecated at level {@code error} with a replacement
	 */
	public static @Nullable String replacement(ClassLoader classLoader, String name) {
		JsonMapper mapper = JsonMapper.builder().build();
		try {
			for (URL url : Collections.list(classLoader.getResources(METADATA))) {
				try (InputStream in = url.openStream()) {
					for (JsonNode property : mapper.readTree(in).path("properties")) {
						JsonNode deprecation = property.path("deprecation");
						if (name.equals(property.path("name").asString(""))
								&& "error".equals(deprecation.path("level").asString(""))
								&& deprecation.hasNonNull("replacement")) {
							return deprecation.path("replacement").asString();
						}
					}
				}
			}
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		return null;
	}

}
