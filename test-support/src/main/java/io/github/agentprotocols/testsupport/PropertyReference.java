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

package io.github.agentprotocols.testsupport;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URL;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;
import java.util.stream.StreamSupport;

import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The reference of every configuration property of the suite, generated as one Markdown
 * page from the configuration metadata on a class path
 * ({@code META-INF/spring-configuration-metadata.json}, which Spring Boot's configuration
 * processor writes and merges with
 * {@code additional-spring-configuration-metadata.json}): one section per module, a table
 * of name, default and description, and a table of the renamed properties (deprecated at
 * level {@code error}) with their replacements.
 */
public final class PropertyReference {

	private static final String METADATA = "META-INF/spring-configuration-metadata.json";

	private final List<ReferenceModule> modules;

	private final Map<String, Owned> properties;

	private PropertyReference(List<ReferenceModule> modules, Map<String, Owned> properties) {
		this.modules = modules;
		this.properties = properties;
	}

	/**
	 * Reads the metadata of the given modules from a class path. A metadata file is read
	 * when one of its groups has a source type in a module's base package. Each of its
	 * properties belongs to the module of its source type (an actuator endpoint's
	 * {@code management.endpoint.<id>.*} properties), else to the module of its prefix.
	 * @param classLoader where to find the metadata
	 * @param modules the modules, in the page's order
	 * @return the reference
	 * @throws IllegalStateException if a property belongs to no module, or no module has
	 * metadata
	 */
	public static PropertyReference read(ClassLoader classLoader, List<ReferenceModule> modules) {
		Map<String, Owned> properties = new TreeMap<>();
		for (JsonNode metadata : metadataFiles(classLoader)) {
			if (!belongsToSuite(metadata, modules)) {
				continue;
			}
			for (JsonNode property : metadata.path("properties")) {
				String name = property.path("name").asString();
				String sourceType = property.path("sourceType").asString("");
				ReferenceModule owner = modules.stream()
					.filter((module) -> module.containsType(sourceType))
					.findFirst()
					.or(() -> modules.stream().filter((module) -> module.containsProperty(name)).findFirst())
					.orElseThrow(() -> new IllegalStateException(
							"Property " + name + " belongs to no module of the reference"));
				properties.putIfAbsent(name, new Owned(owner, property));
			}
		}
		for (ReferenceModule module : modules) {
			if (properties.values().stream().noneMatch((property) -> property.module().equals(module))) {
				throw new IllegalStateException("No configuration metadata of " + module.module()
						+ " on the class path (properties " + module.propertyPrefix() + ".*)");
			}
		}
		return new PropertyReference(modules, Collections.unmodifiableMap(properties));
	}

	private static List<JsonNode> metadataFiles(ClassLoader classLoader) {
		JsonMapper mapper = JsonMapper.builder().build();
		List<JsonNode> files = new ArrayList<>();
		try {
			for (URL url : Collections.list(classLoader.getResources(METADATA))) {
				try (InputStream in = url.openStream()) {
					files.add(mapper.readTree(in));
				}
			}
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		return files;
	}

	private static boolean belongsToSuite(JsonNode metadata, List<ReferenceModule> modules) {
		return StreamSupport.stream(metadata.path("groups").spliterator(), false)
			.map((group) -> group.path("sourceType").asString(""))
			.anyMatch((type) -> modules.stream().anyMatch((module) -> module.containsType(type)));
	}

	/**
	 * The names of every property of the reference.
	 * @return the names, sorted
	 */
	public List<String> names() {
		return List.copyOf(this.properties.keySet());
	}

	/**
	 * The names of the properties that the metadata gives no description (the Javadoc of
	 * their field), the renamed ones, which fail start-up, left aside.
	 * @return the names, sorted
	 */
	public List<String> undescribed() {
		return this.properties.entrySet()
			.stream()
			.filter((entry) -> !"error"
				.equals(entry.getValue().property().path("deprecation").path("level").asString("")))
			.filter((entry) -> entry.getValue().property().path("description").asString("").isBlank())
			.map(Map.Entry::getKey)
			.toList();
	}

	/**
	 * Renders the page.
	 * @param intro the Markdown after the title: how the page is generated and
	 * regenerated
	 * @return the page
	 */
	public String render(String intro) {
		StringBuilder page = new StringBuilder("# Configuration properties\n\n").append(intro).append("\n\n");
		page.append("Every configuration property of the suite, by starter, as it is set in `application.properties` ")
			.append("or `application.yaml` (or as an environment variable: `hpp.store.type` is `HPP_STORE_TYPE`). ")
			.append("Each starter's reference explains them in context.\n\n");
		for (ReferenceModule module : this.modules) {
			page.append("- [")
				.append(module.title())
				.append("](#")
				.append(module.anchor())
				.append("): `")
				.append(module.propertyPrefix())
				.append(".*`\n");
		}
		for (ReferenceModule module : this.modules) {
			renderModule(page, module);
		}
		return page.toString();
	}

	private void renderModule(StringBuilder page, ReferenceModule module) {
		List<JsonNode> current = new ArrayList<>();
		List<JsonNode> renamed = new ArrayList<>();
		this.properties.values().forEach((owned) -> {
			JsonNode property = owned.property();
			if (owned.module().equals(module)) {
				boolean gone = "error".equals(property.path("deprecation").path("level").asString(""));
				(gone ? renamed : current).add(property);
			}
		});
		page.append("\n## ")
			.append(module.title())
			.append("\n\nModule `")
			.append(module.module())
			.append("`; the [")
			.append(module.title())
			.append(" reference](../")
			.append(module.guide())
			.append(") explains them by topic.\n\n| Name | Default | Description |\n|---|---|---|\n");
		for (JsonNode property : current) {
			page.append("| `")
				.append(displayName(property))
				.append("` | ")
				.append(defaultCell(property.get("defaultValue")))
				.append(" | ")
				.append(description(property))
				.append(" |\n");
		}
		if (!renamed.isEmpty()) {
			page.append("\n### Renamed ")
				.append(module.title())
				.append(" properties\n\nSetting one of these fails start-up, naming the property to set instead.\n\n")
				.append("| Name | Replacement | Reason |\n|---|---|---|\n");
			for (JsonNode property : renamed) {
				JsonNode deprecation = property.path("deprecation");
				page.append("| `")
					.append(displayName(property))
					.append("` | ")
					.append(code(deprecation.path("replacement").asString("")))
					.append(" | ")
					.append(text(deprecation.path("reason").asString("")))
					.append(" |\n");
			}
		}
	}

	private static String displayName(JsonNode property) {
		String name = property.path("name").asString();
		return property.path("type").asString("").startsWith("java.util.Map<") ? name + ".*" : name;
	}

	private static String defaultCell(@Nullable JsonNode value) {
		if (value == null || value.isNull()) {
			return "";
		}
		if (value.isArray()) {
			return code(StreamSupport.stream(value.spliterator(), false)
				.map(JsonNode::asString)
				.collect(Collectors.joining(",")));
		}
		return code(value.asString());
	}

	private static String description(JsonNode property) {
		String description = text(property.path("description").asString(""));
		JsonNode deprecation = property.get("deprecation");
		if (deprecation == null) {
			return description;
		}
		String replacement = deprecation.path("replacement").asString("");
		String note = replacement.isEmpty() ? "**Deprecated.**" : "**Deprecated:** use " + code(replacement) + ".";
		return description.isEmpty() ? note : note + " " + description;
	}

	private static String code(String value) {
		if (value.isEmpty()) {
			return "";
		}
		String fence = value.contains("`") ? "``" : "`";
		String padding = value.contains("`") ? " " : "";
		return fence + padding + value.replace("|", "\\|") + padding + fence;
	}

	/**
	 * One line of Markdown text whose characters read as themselves in a table cell.
	 */
	private static String text(String value) {
		String line = value.replaceAll("\\s+", " ").trim();
		StringBuilder escaped = new StringBuilder(line.length());
		for (char c : line.toCharArray()) {
			if ("\\`*_[]<>|".indexOf(c) >= 0) {
				escaped.append('\\');
			}
			escaped.append(c);
		}
		return escaped.toString();
	}

	private record Owned(ReferenceModule module, JsonNode property) {

	}

}
