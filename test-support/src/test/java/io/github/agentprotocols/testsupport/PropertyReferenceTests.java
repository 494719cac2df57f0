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
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;

/**
 * Tests for {@link PropertyReference}.
 */
class PropertyReferenceTests {

	private static final ReferenceModule DEMO = new ReferenceModule("Demo", "demo-starter", "demo", "com.example.demo",
			"demo.md");

	@TempDir
	private Path directory;

	@Test
	void rendersOneRowPerPropertyWithItsDefaultAndOneLineEscapedDescription() throws IOException {
		String page = read(
				"""
						{"groups": [{"name": "demo", "sourceType": "com.example.demo.DemoProperties"}],
						 "properties": [
						  {"name": "demo.timeout", "type": "java.time.Duration", "defaultValue": "30s",
						   "description": "How long a *call*\\n   may take | at most.", "sourceType": "com.example.demo.DemoProperties"},
						  {"name": "demo.keys", "type": "java.util.List<java.lang.String>", "defaultValue": ["Command", "F"]},
						  {"name": "demo.labels", "type": "java.util.Map<java.lang.String,java.lang.String>"},
						  {"name": "management.endpoint.demo.access", "defaultValue": "unrestricted",
						   "sourceType": "com.example.demo.DemoEndpoint"}
						 ]}
						""")
			.render("intro");
		assertThat(page).contains("| `demo.timeout` | `30s` | How long a \\*call\\* may take \\| at most. |\n")
			.contains("| `demo.keys` | `Command,F` |  |\n")
			.contains("| `demo.labels.*` |  |  |\n")
			.contains("| `management.endpoint.demo.access` | `unrestricted` |  |\n");
	}

	@Test
	void marksDeprecatedPropertiesAndListsRenamedOnesApart() throws IOException {
		String page = read(
				"""
						{"groups": [{"name": "demo", "sourceType": "com.example.demo.DemoProperties"}],
						 "properties": [
						  {"name": "demo.old", "description": "Old.", "deprecation": {"replacement": "demo.new"}},
						  {"name": "demo.gone", "deprecation": {"level": "error", "reason": "Renamed.", "replacement": "demo.new"}}
						 ]}
						""")
			.render("intro");
		assertThat(page).contains("| `demo.old` |  | **Deprecated:** use `demo.new`. Old. |\n")
			.contains("### Renamed Demo properties")
			.contains("| `demo.gone` | `demo.new` | Renamed. |\n");
	}

	@Test
	void ignoresMetadataOfOtherModulesAndRefusesPropertiesOfNoModule() throws IOException {
		write("other.jar/META-INF/spring-configuration-metadata.json", """
				{"groups": [{"name": "spring", "sourceType": "org.example.Other"}],
				 "properties": [{"name": "spring.other"}]}
				""");
		assertThat(read("""
				{"groups": [{"name": "demo", "sourceType": "com.example.demo.DemoProperties"}],
				 "properties": [{"name": "demo.enabled"}]}
				""").names()).containsExactly("demo.enabled");
		assertThatIllegalStateException().isThrownBy(() -> read("""
				{"groups": [{"name": "demo", "sourceType": "com.example.demo.DemoProperties"}],
				 "properties": [{"name": "stray.enabled"}]}
				""")).withMessageContaining("stray.enabled");
	}

	private PropertyReference read(String metadata) throws IOException {
		write("demo.jar/META-INF/spring-configuration-metadata.json", metadata);
		URL[] urls = { this.directory.resolve("demo.jar/").toUri().toURL(),
				this.directory.resolve("other.jar/").toUri().toURL() };
		return PropertyReference.read(new URLClassLoader(urls, null), List.of(DEMO));
	}

	private void write(String path, String content) throws IOException {
		Path file = this.directory.resolve(path);
		Files.createDirectories(file.getParent());
		Files.writeString(file, content);
	}

}
