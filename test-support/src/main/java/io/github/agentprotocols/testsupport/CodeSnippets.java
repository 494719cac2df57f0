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
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Checks that every Java code block of a docs page is a copy of a region of a source file
 * that the build compiles, so that no example on the page goes stale.
 * <p>
 * A page marks each {@code ```java} block with the line before it:
 * {@code <!-- code: src/test/java/.../Example.java#name -->}, a path relative to the
 * module that runs the check. The source file holds the region between the lines
 * {@code // tag::name[]} and {@code // end::name[]}; the block must equal it once the
 * region's common indentation is removed. Without {@code #name} the block is the whole
 * file after its licence header (the block comment that opens the file). A block of
 * another language is checked the same way when it is marked; its file writes the
 * region's lines as its own comments: {@code <!-- tag::name[] -->} in XML,
 * {@code # tag::name[]} in YAML or a shell script.
 */
public final class CodeSnippets {

	private static final Pattern MARKER = Pattern.compile("^<!--\\s*code:\\s*([^#\\s]+)(?:#(\\S+))?\\s*-->$");

	private static final Pattern REGION_LINE = Pattern.compile("^(?://|#|<!--)\\s*(tag|end)::(\\S+)\\[]\\s*(?:-->)?$");

	private CodeSnippets() {
	}

	/**
	 * The Java blocks of a page that are unmarked or differ from their source.
	 * @param page the docs page
	 * @param module the module directory the markers' paths are relative to
	 * @return one line per problem, empty when every block matches its source
	 */
	public static List<String> disagreements(Path page, Path module) {
		List<String> lines = read(page);
		List<String> problems = new ArrayList<>();
		for (int i = 0; i < lines.size(); i++) {
			String fence = lines.get(i).strip();
			if (!fence.startsWith("```")) {
				continue;
			}
			int end = closingFence(lines, i);
			List<String> block = lines.subList(i + 1, end);
			Matcher marker = (i > 0) ? MARKER.matcher(lines.get(i - 1).strip()) : null;
			if (marker == null || !marker.matches()) {
				if (fence.equals("```java")) {
					problems.add(page.getFileName() + ":" + (i + 1) + ": a java block without a <!-- code: --> marker");
				}
			}
			else {
				String problem = compare(block, module.resolve(marker.group(1)), marker.group(2));
				if (problem != null) {
					problems.add(page.getFileName() + ":" + (i + 1) + ": " + problem);
				}
			}
			i = end;
		}
		return problems;
	}

	private static String compare(List<String> block, Path source, String tag) {
		if (!Files.isRegularFile(source)) {
			return "no source file " + source;
		}
		List<String> region = (tag != null) ? region(read(source), tag) : withoutLicenceHeader(read(source));
		if (region == null) {
			return "no region '" + tag + "' in " + source.getFileName();
		}
		List<String> expected = outdent(region);
		return expected.equals(block) ? null : "differs from " + source.getFileName() + ((tag != null) ? "#" + tag : "")
				+ ":\n" + String.join("\n", expected);
	}

	private static List<String> region(List<String> source, String tag) {
		int start = -1;
		for (int i = 0; i < source.size(); i++) {
			Matcher line = REGION_LINE.matcher(source.get(i).strip());
			if (!line.matches() || !line.group(2).equals(tag)) {
				continue;
			}
			if (line.group(1).equals("tag")) {
				start = i + 1;
			}
			else if (start >= 0) {
				return source.subList(start, i);
			}
		}
		return null;
	}

	/**
	 * The file without its leading licence header: the block comment that opens the file
	 * and the blank lines after it.
	 */
	private static List<String> withoutLicenceHeader(List<String> source) {
		if (source.isEmpty() || !source.get(0).strip().equals("/*")) {
			return source;
		}
		int start = 1;
		while (start < source.size() && !source.get(start - 1).strip().endsWith("*/")) {
			start++;
		}
		while (start < source.size() && source.get(start).isBlank()) {
			start++;
		}
		return source.subList(start, source.size());
	}

	private static List<String> outdent(List<String> region) {
		int indent = region.stream()
			.filter((line) -> !line.isBlank())
			.mapToInt((line) -> line.length() - line.stripLeading().length())
			.min()
			.orElse(0);
		return region.stream().map((line) -> line.isBlank() ? "" : line.substring(indent)).toList();
	}

	private static int closingFence(List<String> lines, int open) {
		for (int i = open + 1; i < lines.size(); i++) {
			if (lines.get(i).strip().equals("```")) {
				return i;
			}
		}
		throw new IllegalStateException("Unclosed code block at line " + (open + 1));
	}

	private static List<String> read(Path file) {
		try {
			return Files.readAllLines(file);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

}
