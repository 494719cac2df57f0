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
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.boot.convert.DurationStyle;
import org.springframework.util.unit.DataSize;

/**
 * The configuration property tables of a docs page, read against the configuration
 * metadata that Spring Boot's configuration processor generates for a module.
 * <p>
 * A table is marked by a line {@code <!-- properties NAME... -->} before it and lists
 * every property at or below each name of the marker ({@code hpp} covers
 * {@code hpp.enabled} and {@code hpp.limits.max-fields}; {@code hpp.store} covers
 * {@code hpp.store} only). Its header row has a column headed {@code Default}. The first
 * cell of each row is the property's name in backticks. The default cell is either one
 * code span holding the default as it would be written in {@code application.properties}
 * ({@code `30s`}, {@code `true`}, {@code `Command,F`} for a list), or prose without a
 * leading-and-only code span ({@code none}, {@code —}, {@code `true` if ..., else
 * `false`}) for a property whose metadata has no default. A property deprecated at level
 * {@code error} (an old name that no longer binds) need not be in the tables.
 */
public final class PropertyTable {

	private static final String METADATA = "META-INF/spring-configuration-metadata.json";

	private static final Pattern MARKER = Pattern.compile("<!--\\s*properties\\s+([^>]*?)\\s*-->");

	private static final Pattern CODE = Pattern.compile("`([^`]+)`");

	private final Path page;

	private final Set<String> names;

	private final Map<String, Row> rows;

	private final List<String> readProblems;

	private PropertyTable(Path page, Set<String> names, Map<String, Row> rows, List<String> readProblems) {
		this.page = page;
		this.names = names;
		this.rows = rows;
		this.readProblems = readProblems;
	}

	/**
	 * Reads every marked table of a docs page.
	 * @param page the Markdown file
	 * @return the tables' rows
	 */
	public static PropertyTable read(Path page) {
		Set<String> names = new LinkedHashSet<>();
		Map<String, Row> rows = new LinkedHashMap<>();
		List<String> problems = new ArrayList<>();
		int defaultColumn = -1;
		for (MarkedTables.Row row : MarkedTables.read(page, MARKER)) {
			List<String> marker = List.of(row.marker().split("\\s+"));
			List<String> cells = row.cells();
			if (row.header()) {
				names.addAll(marker);
				defaultColumn = defaultColumn(cells);
				if (defaultColumn < 0) {
					problems.add("the table marked " + marker + " has no Default column");
				}
				continue;
			}
			if (defaultColumn < 0) {
				continue;
			}
			Matcher name = CODE.matcher(cells.get(0));
			if (!name.matches()) {
				problems.add("row '" + row.line() + "' does not start with a property name in backticks");
				continue;
			}
			String property = name.group(1);
			if (marker.stream().noneMatch((covered) -> covers(covered, property))) {
				problems.add(property + " is in a table marked " + marker);
			}
			String defaultCell = (defaultColumn < cells.size()) ? cells.get(defaultColumn) : "";
			if (rows.put(property, new Row(property, defaultCell)) != null) {
				problems.add(property + " is listed twice");
			}
		}
		return new PropertyTable(page, names, rows, problems);
	}

	private static int defaultColumn(List<String> header) {
		for (int i = 0; i < header.size(); i++) {
			if (header.get(i).equalsIgnoreCase("default")) {
				return i;
			}
		}
		return -1;
	}

	private static boolean covers(String name, String property) {
		return property.equals(name) || property.startsWith(name + ".");
	}

	/**
	 * The documented properties with their default cells.
	 * @return default cell by property name, in table order
	 */
	public Map<String, String> defaults() {
		Map<String, String> defaults = new LinkedHashMap<>();
		this.rows.values().forEach((row) -> defaults.put(row.name(), row.defaultCell()));
		return Collections.unmodifiableMap(defaults);
	}

	/**
	 * Compares the tables with the configuration metadata on a class path and lists every
	 * disagreement: a property of the metadata the tables lack, a documented property the
	 * metadata lacks, a default that differs, a property without a description.
	 * @param classLoader where to find
	 * {@code META-INF/spring-configuration-metadata.json}
	 * @return the disagreements, empty when tables and metadata agree
	 */
	public List<String> disagreementsWith(ClassLoader classLoader) {
		List<String> problems = new ArrayList<>(this.readProblems);
		if (this.names.isEmpty()) {
			problems.add(this.page + " has no table marked <!-- properties ... -->");
		}
		Map<String, Property> metadata = metadata(classLoader);
		for (Property property : metadata.values()) {
			if (this.rows.containsKey(property.name()) || property.removed()) {
				continue;
			}
			if (this.names.stream().anyMatch((name) -> covers(name, property.name()))) {
				problems.add(property.name() + " is in the metadata but not in the docs");
			}
		}
		for (Row row : this.rows.values()) {
			Property property = metadata.get(row.name());
			if (property == null) {
				problems.add(row.name() + " is documented but not in the metadata");
				continue;
			}
			if (property.description() == null) {
				problems.add(row.name() + " has no description in the metadata");
			}
			String problem = defaultProblem(row, property);
			if (problem != null) {
				problems.add(row.name() + ": " + problem);
			}
		}
		return problems;
	}

	private static @Nullable String defaultProblem(Row row, Property property) {
		Matcher code = CODE.matcher(row.defaultCell());
		String documented = code.matches() ? code.group(1) : null;
		String actual = property.defaultValue();
		if (documented == null) {
			return (actual != null)
					? "docs give no fixed default ('" + row.defaultCell() + "'), metadata has '" + actual + "'" : null;
		}
		if (actual == null) {
			return "docs give default '" + documented + "', metadata has none";
		}
		return sameDefault(documented, actual, property.type()) ? null
				: "docs give default '" + documented + "', metadata has '" + actual + "'";
	}

	private static boolean sameDefault(String documented, String actual, @Nullable String type) {
		if (documented.equalsIgnoreCase(actual)) {
			return true;
		}
		try {
			if (Duration.class.getName().equals(type)) {
				return DurationStyle.detectAndParse(documented).equals(DurationStyle.detectAndParse(actual));
			}
			if (DataSize.class.getName().equals(type)) {
				return DataSize.parse(documented).equals(DataSize.parse(actual));
			}
		}
		catch (IllegalArgumentException ex) {
			return false;
		}
		return false;
	}

	private static Map<String, Property> metadata(ClassLoader classLoader) {
		JsonMapper mapper = JsonMapper.builder().build();
		Map<String, Property> properties = new TreeMap<>();
		try {
			for (URL url : Collections.list(classLoader.getResources(METADATA))) {
				try (InputStream in = url.openStream()) {
					for (JsonNode property : mapper.readTree(in).path("properties")) {
						Property parsed = Property.of(property);
						properties.put(parsed.name(), parsed);
					}
				}
			}
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		return properties;
	}

	private record Row(String name, String defaultCell) {

	}

	/**
	 * A property of the metadata; {@code removed} when it is deprecated at level
	 * {@code error} (an old name that no longer binds, listed by the docs page's renamed
	 * properties rather than its tables).
	 */
	private record Property(String name, @Nullable String type, @Nullable String description,
			@Nullable String defaultValue, boolean removed) {

		static Property of(JsonNode node) {
			JsonNode type = node.get("type");
			JsonNode description = node.get("description");
			boolean removed = "error".equals(node.path("deprecation").path("level").asString(""));
			return new Property(node.path("name").asString(), (type != null) ? type.asString() : null,
					(description != null) ? description.asString() : null, text(node.get("defaultValue")), removed);
		}

		private static @Nullable String text(@Nullable JsonNode value) {
			if (value == null || value.isNull()) {
				return null;
			}
			if (value.isArray()) {
				List<String> elements = new ArrayList<>();
				value.forEach((element) -> elements.add(Objects.requireNonNull(text(element))));
				return String.join(",", elements);
			}
			return value.asString();
		}

	}

}
