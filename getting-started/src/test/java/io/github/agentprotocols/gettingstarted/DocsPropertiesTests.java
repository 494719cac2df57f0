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

package io.github.agentprotocols.gettingstarted;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every property that a page users read sets in a {@code properties} code block is one of
 * the configuration metadata on this module's class path: the starters' and those of the
 * Spring Boot modules the pages configure (Redis, R2DBC, Flyway, the OAuth2 resource
 * server, actuator, the web server). A key below a map-typed property (such as
 * {@code spring.ssl.bundle.pem.<name>.…} or {@code logging.level.<logger>}) counts as
 * that property's.
 */
class DocsPropertiesTests {

	private static final String FENCE = "```";

	private final Map<String, String> metadata = metadata();

	@Test
	void everyPropertyAPageSetsIsInTheConfigurationMetadata() {
		List<String> checked = new ArrayList<>();
		List<String> unknown = new ArrayList<>();
		for (Path page : RepositoryPages.user()) {
			for (String key : propertyKeys(page)) {
				checked.add(key);
				if (!isKnown(key)) {
					unknown.add(RepositoryPages.ROOT.relativize(page) + ": " + key);
				}
			}
		}
		assertThat(checked).as("properties the pages set").hasSizeGreaterThan(50);
		assertThat(unknown).as("properties the pages set that no configuration metadata describes").isEmpty();
	}

	@Test
	void metadataOfTheStartersAndOfSpringBootIsRead() {
		assertThat(this.metadata).containsKeys("hpp.store.type", "acp.socketio.max-pending-connections",
				"spring.data.redis.cluster.nodes", "spring.r2dbc.url", "management.endpoints.web.exposure.include");
		assertThat(isKnown("spring.ssl.bundle.pem.redis.truststore.certificate")).isTrue();
		assertThat(isKnown("hpp.store.typo")).isFalse();
	}

	private boolean isKnown(String key) {
		String name = key.replaceAll("\\[\\d+]", "");
		if (this.metadata.containsKey(name)) {
			return true;
		}
		for (int dot = name.lastIndexOf('.'); dot > 0; dot = name.lastIndexOf('.', dot - 1)) {
			String type = this.metadata.get(name.substring(0, dot));
			if (type != null) {
				return type.startsWith("java.util.Map<");
			}
		}
		return false;
	}

	/** The keys set in a page's {@code properties} blocks. */
	private static List<String> propertyKeys(Path page) {
		List<String> keys = new ArrayList<>();
		boolean inBlock = false;
		for (String line : lines(page)) {
			if (line.startsWith(FENCE)) {
				inBlock = !inBlock && line.trim().equals(FENCE + "properties");
			}
			else if (inBlock && !line.isBlank() && !line.trim().startsWith("#")) {
				keys.add(line.split("[=:]", 2)[0].trim());
			}
		}
		return keys;
	}

	/**
	 * Every property of every metadata file on the class path, by name, with its type.
	 */
	private static Map<String, String> metadata() {
		Map<String, String> types = new TreeMap<>();
		JsonMapper json = JsonMapper.builder().build();
		List<URL> files = new ArrayList<>(resources("META-INF/spring-configuration-metadata.json"));
		files.addAll(resources("META-INF/additional-spring-configuration-metadata.json"));
		for (URL file : files) {
			try (InputStream in = file.openStream()) {
				for (JsonNode property : json.readTree(in).path("properties")) {
					types.putIfAbsent(property.path("name").asString(), property.path("type").asString(""));
				}
			}
			catch (IOException ex) {
				throw new UncheckedIOException(ex);
			}
		}
		return types;
	}

	private static List<URL> resources(String name) {
		try {
			return Collections.list(DocsPropertiesTests.class.getClassLoader().getResources(name));
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	private static List<String> lines(Path page) {
		try {
			return Files.readAllLines(page);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

}
