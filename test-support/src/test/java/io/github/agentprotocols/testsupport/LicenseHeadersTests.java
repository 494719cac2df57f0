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
import java.nio.charset.StandardCharsets;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every Java source file of the repository, in every module, starts with the Apache
 * License 2.0 header ({@code .ci/license-headers} adds it). The test walks the whole
 * repository from its root, so running it in this module checks all the others.
 */
class LicenseHeadersTests {

	private static final String HEADER = """
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

			""";

	private static final Set<String> SKIPPED = Set.of("target", "node_modules", ".git", ".mvn");

	@Test
	void everyJavaSourceFileOfEveryModuleStartsWithTheLicenseHeader() throws IOException {
		Path root = repositoryRoot();
		List<Path> sources = javaSources(root);
		assertThat(sources).as("Java sources found under %s", root)
			.anyMatch((file) -> file.startsWith("protocol-commons/src/main/java"))
			.anyMatch((file) -> file.startsWith("samples"))
			.anyMatch((file) -> file.startsWith("test-support/src/test/java"));
		List<Path> withoutHeader = new ArrayList<>();
		for (Path file : sources) {
			String text = Files.readString(root.resolve(file), StandardCharsets.UTF_8);
			if (!text.startsWith(HEADER)) {
				withoutHeader.add(file);
			}
		}
		assertThat(withoutHeader)
			.as("Java files without the Apache License 2.0 header followed by a blank line; "
					+ "run .ci/license-headers to add it")
			.isEmpty();
	}

	@Test
	void theScriptThatAddsTheHeaderWritesTheSameHeader() throws IOException {
		String script = Files.readString(repositoryRoot().resolve(".ci/license-headers"), StandardCharsets.UTF_8);
		String header = HEADER.substring(0, HEADER.length() - 1);
		assertThat(script).contains("HEADER = \"\"\"" + header + "\"\"\"");
	}

	private static List<Path> javaSources(Path root) throws IOException {
		List<Path> sources = new ArrayList<>();
		Files.walkFileTree(root, new SimpleFileVisitor<>() {

			@Override
			public FileVisitResult preVisitDirectory(Path dir, BasicFileAttributes attributes) {
				Path name = dir.getFileName();
				return (!dir.equals(root) && name != null && SKIPPED.contains(name.toString()))
						? FileVisitResult.SKIP_SUBTREE : FileVisitResult.CONTINUE;
			}

			@Override
			public FileVisitResult visitFile(Path file, BasicFileAttributes attributes) {
				Path relative = root.relativize(file);
				if (file.getFileName().toString().endsWith(".java") && isUnderSrc(relative)) {
					sources.add(relative);
				}
				return FileVisitResult.CONTINUE;
			}

		});
		return sources;
	}

	private static boolean isUnderSrc(Path relative) {
		for (Path part : relative) {
			if (part.toString().equals("src")) {
				return true;
			}
		}
		return false;
	}

	/**
	 * The repository root: the nearest directory above the working directory that holds
	 * both {@code .ci/run} and {@code mvnw}.
	 */
	private static Path repositoryRoot() {
		Path start = Path.of("").toAbsolutePath();
		for (Path dir = start; dir != null; dir = dir.getParent()) {
			if (Files.isRegularFile(dir.resolve(".ci/run")) && Files.isRegularFile(dir.resolve("mvnw"))) {
				return dir;
			}
		}
		throw new IllegalStateException("No directory with .ci/run and mvnw above " + start);
	}

}
