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

package io.github.agentprotocols.hpp;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every package of the starter says in its {@code package-info} whether it is API, and an
 * API package names each of its public types there, so that nothing is public by
 * accident.
 */
class HppPackagesTests {

	private static final Path MAIN = Path.of("src/main/java/io/github/agentprotocols/hpp");

	private static final Pattern PUBLIC_TYPE = Pattern.compile(
			"^public (?:final |abstract |sealed )*(?:class|interface|record|enum|@interface) (\\w+)",
			Pattern.MULTILINE);

	@ParameterizedTest
	@ValueSource(strings = { "", "memory", "redis", "metrics", "observation", "actuate" })
	void everyPublicTypeOfAnApiPackageIsNamedInItsPackageInfo(String name) throws IOException {
		Path directory = MAIN.resolve(name);
		String packageName = "io.github.agentprotocols.hpp" + (name.isEmpty() ? "" : "." + name);
		String packageInfo = Files.readString(directory.resolve("package-info.java"));
		assertThat(packageInfo).contains("API");
		assertThat(publicTypes(directory)).isNotEmpty()
			.allSatisfy((type) -> assertThat(packageInfo).contains("{@link " + packageName + "." + type + "}"));
	}

	@Test
	void everyPackageSaysWhetherItIsApi() throws IOException {
		try (Stream<Path> files = Files.walk(MAIN)) {
			List<Path> packages = files.filter(Files::isDirectory).toList();
			assertThat(packages).hasSizeGreaterThan(5).allSatisfy((directory) -> {
				String packageInfo = Files.readString(directory.resolve("package-info.java"));
				assertThat(packageInfo).contains("@NullMarked").containsAnyOf("API", "Internal: not API");
			});
		}
	}

	private static List<String> publicTypes(Path directory) throws IOException {
		try (Stream<Path> files = Files.list(directory)) {
			return files.filter((file) -> file.toString().endsWith(".java"))
				.flatMap((file) -> publicType(file).stream())
				.toList();
		}
	}

	private static List<String> publicType(Path file) {
		try {
			Matcher matcher = PUBLIC_TYPE.matcher(Files.readString(file));
			return matcher.find() ? List.of(matcher.group(1)) : List.of();
		}
		catch (IOException ex) {
			throw new IllegalStateException(ex);
		}
	}

}
