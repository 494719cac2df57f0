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
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;

/**
 * The repository's Markdown pages: what users read (the root, module and sample READMEs
 * and {@code docs/} with its folders, each starter's conformance summary
 * {@code docs/<starter>.md} among them) and what contributors read besides
 * ({@code CONTRIBUTING.md}, {@code CHANGELOG.md} and {@code contributing/}, the starters'
 * spec-checklist-to-test maps {@code contributing/conformance/<starter>.md} among them).
 */
final class RepositoryPages {

	static final Path ROOT = Path.of("..").toAbsolutePath().normalize();

	private RepositoryPages() {
	}

	/**
	 * The pages users read.
	 * @return their paths
	 */
	static List<Path> user() {
		Set<Path> pages = new LinkedHashSet<>();
		pages.add(ROOT.resolve("README.md"));
		readmesIn(ROOT, pages);
		readmesIn(ROOT.resolve("samples"), pages);
		markdownUnder(ROOT.resolve("docs"), pages);
		return new ArrayList<>(pages);
	}

	/**
	 * Every page: the users' and the contributors'.
	 * @return their paths
	 */
	static List<Path> all() {
		List<Path> pages = user();
		markdownUnder(ROOT.resolve("contributing"), pages);
		for (String page : List.of("CONTRIBUTING.md", "CHANGELOG.md")) {
			if (Files.isRegularFile(ROOT.resolve(page))) {
				pages.add(ROOT.resolve(page));
			}
		}
		return pages;
	}

	private static void readmesIn(Path folder, Collection<Path> pages) {
		try (Stream<Path> children = Files.list(folder)) {
			children.filter(Files::isDirectory)
				.map((dir) -> dir.resolve("README.md"))
				.filter(Files::isRegularFile)
				.forEach(pages::add);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	private static void markdownUnder(Path folder, Collection<Path> pages) {
		if (!Files.isDirectory(folder)) {
			return;
		}
		try (Stream<Path> files = Files.walk(folder)) {
			files.filter((file) -> file.toString().endsWith(".md")).sorted().forEach(pages::add);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

}
