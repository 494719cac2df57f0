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
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

import org.springframework.core.annotation.MergedAnnotations;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;
import org.springframework.util.ClassUtils;

/**
 * The {@link SpecItem} marks of the test classes below some packages, and the test cell
 * of a conformance table that they give each item.
 * <p>
 * A class carrying the mark is named {@code `Class`}, a method {@code `Class.method`}, by
 * the class's simple name. A cell lists the item's tests sorted by class name, each
 * class's own mark before its methods, the methods sorted by name; a method of the class
 * named just before it is written bare: {@code `HandshakeProtocolTests.a`, `b`,
 * `HandshakeWebSocketTests.c`}.
 */
public final class SpecItemMarks {

	private final Map<String, Map<String, Set<String>>> testsById;

	private SpecItemMarks(Map<String, Map<String, Set<String>>> testsById) {
		this.testsById = testsById;
	}

	/**
	 * Reads the marks of every class below some packages.
	 * @param classLoader where to find the test classes
	 * @param basePackages the packages to scan, for example
	 * {@code io.github.agentprotocols.hpp}
	 * @return the marks found
	 */
	public static SpecItemMarks scan(ClassLoader classLoader, String... basePackages) {
		Map<String, Map<String, Set<String>>> testsById = new TreeMap<>();
		PathMatchingResourcePatternResolver resolver = new PathMatchingResourcePatternResolver(classLoader);
		for (String basePackage : basePackages) {
			String pattern = "classpath*:" + ClassUtils.convertClassNameToResourcePath(basePackage) + "/**/*.class";
			try {
				for (Resource resource : resolver.getResources(pattern)) {
					String path = resource.getURL().toString();
					String className = path.substring(path.lastIndexOf(basePackage.replace('.', '/')))
						.replace('/', '.')
						.replaceFirst("\\.class$", "");
					collect(ClassUtils.forName(className, classLoader), testsById);
				}
			}
			catch (IOException | ClassNotFoundException | LinkageError ex) {
				throw new IllegalStateException("Could not scan " + basePackage, ex);
			}
		}
		return new SpecItemMarks(testsById);
	}

	private static void collect(Class<?> type, Map<String, Map<String, Set<String>>> testsById) {
		String className = type.getSimpleName();
		MergedAnnotations.from(type)
			.stream(SpecItem.class)
			.forEach((mark) -> tests(testsById, mark.getString("value"), className).add(""));
		for (Method method : type.getDeclaredMethods()) {
			MergedAnnotations.from(method)
				.stream(SpecItem.class)
				.forEach((mark) -> tests(testsById, mark.getString("value"), className).add(method.getName()));
		}
	}

	private static Set<String> tests(Map<String, Map<String, Set<String>>> testsById, String id, String className) {
		return testsById.computeIfAbsent(id, (key) -> new TreeMap<>())
			.computeIfAbsent(className, (key) -> new TreeSet<>());
	}

	/**
	 * The ids that some test carries.
	 * @return the ids, sorted
	 */
	public Set<String> ids() {
		return this.testsById.keySet();
	}

	/**
	 * The test cell of an item: every test carrying its id, in the order and form of this
	 * class's description.
	 * @param id the item's id
	 * @return the cell, empty when no test carries the id
	 */
	public String testCell(String id) {
		List<String> names = new ArrayList<>();
		this.testsById.getOrDefault(id, Map.of()).forEach((className, members) -> {
			boolean classNamed = false;
			for (String member : members) {
				if (member.isEmpty()) {
					names.add(className);
				}
				else {
					names.add(classNamed ? member : className + "." + member);
					classNamed = true;
				}
			}
		});
		return String.join(", ", names.stream().map((name) -> "`" + name + "`").toList());
	}

}
