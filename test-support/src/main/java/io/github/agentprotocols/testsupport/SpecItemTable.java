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
import java.lang.reflect.Method;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.springframework.core.annotation.MergedAnnotations;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;
import org.springframework.util.ClassUtils;

/**
 * A conformance table of a docs page, read against the {@link SpecItem} annotations of a
 * module's tests.
 * <p>
 * A table is marked by a line {@code <!-- spec-items PREFIX -->} before it. The first
 * cell of each row is the item's label; its id is {@code PREFIX + label} (for example
 * {@code <!-- spec-items HPP-12. -->} and a row {@code | 18 | ... |} give
 * {@code HPP-12.18}). The last cell names the tests in backticks: {@code Class.method}, a
 * bare {@code method} of the class named before it in the cell, or a bare {@code Class}
 * whose type carries the annotation. A last cell that starts with {@code **not run}
 * declares the item unproven here and names no test.
 */
public final class SpecItemTable {

	private static final Pattern MARKER = Pattern.compile("<!--\\s*spec-items\\s+(\\S+)\\s*-->");

	private static final Pattern REFERENCE = Pattern.compile("`([A-Za-z_$][\\w$]*)(?:\\.([A-Za-z_$][\\w$]*))?`");

	private final Map<String, Row> rows;

	private SpecItemTable(Map<String, Row> rows) {
		this.rows = rows;
	}

	/**
	 * Reads every marked table of a docs page.
	 * @param page the Markdown file
	 * @return the tables' rows
	 */
	public static SpecItemTable read(Path page) {
		Map<String, Row> rows = new LinkedHashMap<>();
		for (MarkedTables.Row row : MarkedTables.read(page, MARKER)) {
			List<String> cells = row.cells();
			String label = cells.get(0).split("\\s+")[0];
			if (label.equals("#") || label.isEmpty()) {
				continue;
			}
			String id = row.marker() + label;
			if (rows.put(id, Row.parse(id, cells.get(cells.size() - 1))) != null) {
				throw new IllegalStateException(page + " lists " + id + " twice");
			}
		}
		return new SpecItemTable(rows);
	}

	/**
	 * The ids of the table's rows.
	 * @return the ids in table order
	 */
	public Set<String> ids() {
		return this.rows.keySet();
	}

	/**
	 * Compares the table with the annotations of the classes below some packages and
	 * lists every disagreement: an item without a test, a test naming an item the table
	 * lacks, a reference to a test that does not exist or does not carry the row's id.
	 * @param classLoader where to find the test classes
	 * @param basePackages the packages to scan, for example
	 * {@code io.github.agentprotocols.hpp}
	 * @return the disagreements, empty when table and tests agree
	 */
	public List<String> disagreementsWith(ClassLoader classLoader, String... basePackages) {
		Map<String, Set<String>> annotated = annotatedIds(classLoader, basePackages);
		List<String> problems = new ArrayList<>();
		Set<String> proven = new TreeSet<>();
		annotated.values().forEach(proven::addAll);
		for (String id : proven) {
			if (!this.rows.containsKey(id)) {
				problems.add("@SpecItem(\"" + id + "\") names an item the docs table lacks");
			}
		}
		for (Row row : this.rows.values()) {
			if (row.notRun()) {
				if (proven.contains(row.id())) {
					problems.add(row.id() + " is marked not run but a test carries it");
				}
				continue;
			}
			if (row.tests().isEmpty()) {
				problems.add(row.id() + " names no test");
			}
			if (!proven.contains(row.id())) {
				problems.add(row.id() + " has no test annotated @SpecItem(\"" + row.id() + "\")");
			}
			for (String test : row.tests()) {
				Set<String> ids = annotated.get(test);
				if (ids == null) {
					problems.add(row.id() + " names " + test + ", which is not an annotated test");
				}
				else if (!ids.contains(row.id())) {
					problems.add(row.id() + " names " + test + ", which is annotated " + ids + " instead");
				}
			}
		}
		return problems;
	}

	private static Map<String, Set<String>> annotatedIds(ClassLoader classLoader, String... basePackages) {
		Map<String, Set<String>> annotated = new LinkedHashMap<>();
		PathMatchingResourcePatternResolver resolver = new PathMatchingResourcePatternResolver(classLoader);
		for (String basePackage : basePackages) {
			String pattern = "classpath*:" + ClassUtils.convertClassNameToResourcePath(basePackage) + "/**/*.class";
			try {
				for (Resource resource : resolver.getResources(pattern)) {
					String path = resource.getURL().toString();
					String className = path.substring(path.lastIndexOf(basePackage.replace('.', '/')))
						.replace('/', '.')
						.replaceFirst("\\.class$", "");
					collect(ClassUtils.forName(className, classLoader), annotated);
				}
			}
			catch (IOException | ClassNotFoundException | LinkageError ex) {
				throw new IllegalStateException("Could not scan " + basePackage, ex);
			}
		}
		return annotated;
	}

	private static void collect(Class<?> type, Map<String, Set<String>> annotated) {
		String simpleName = type.getSimpleName();
		add(annotated, simpleName, ids(MergedAnnotations.from(type)));
		for (Method method : type.getDeclaredMethods()) {
			add(annotated, simpleName + "." + method.getName(), ids(MergedAnnotations.from(method)));
		}
	}

	private static Set<String> ids(MergedAnnotations annotations) {
		Set<String> ids = new LinkedHashSet<>();
		annotations.stream(SpecItem.class).forEach((annotation) -> ids.add(annotation.getString("value")));
		return ids;
	}

	private static void add(Map<String, Set<String>> annotated, String name, Set<String> ids) {
		if (!ids.isEmpty()) {
			annotated.computeIfAbsent(name, (key) -> new LinkedHashSet<>()).addAll(ids);
		}
	}

	private record Row(String id, List<String> tests, boolean notRun) {

		static Row parse(String id, String testCell) {
			if (testCell.startsWith("**not run")) {
				return new Row(id, List.of(), true);
			}
			List<String> tests = new ArrayList<>();
			String currentClass = null;
			Matcher reference = REFERENCE.matcher(testCell);
			while (reference.find()) {
				String first = reference.group(1);
				String second = reference.group(2);
				if (second != null) {
					currentClass = first;
					tests.add(first + "." + second);
				}
				else if (Character.isUpperCase(first.charAt(0))) {
					currentClass = first;
					tests.add(first);
				}
				else if (currentClass != null) {
					tests.add(currentClass + "." + first);
				}
			}
			return new Row(id, tests, false);
		}

	}

}
