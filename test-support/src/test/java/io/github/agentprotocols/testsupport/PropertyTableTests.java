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

import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;

class PropertyTableTests {

	private static final String METADATA = """
			{"properties": [
			  {"name": "x.enabled", "type": "java.lang.Boolean", "description": "Whether on.", "defaultValue": true},
			  {"name": "x.ttl", "type": "java.time.Duration", "description": "Time to live.", "defaultValue": "1800s"},
			  {"name": "x.max-size", "type": "org.springframework.util.unit.DataSize", "description": "Size.", "defaultValue": "64KB"},
			  {"name": "x.keys", "type": "java.util.List<java.lang.String>", "description": "Keys.", "defaultValue": ["Command", "F"]},
			  {"name": "x.token", "type": "java.lang.String", "description": "Token."},
			  {"name": "x.limits.max-fields", "type": "java.lang.Integer", "description": "Fields.", "defaultValue": 500},
			  {"name": "y.other", "type": "java.lang.String", "description": "Another prefix."}
			]}
			""";

	@TempDir
	Path directory;

	private ClassLoader classLoader;

	@BeforeEach
	void writeMetadata() throws Exception {
		Path metadata = this.directory.resolve("classes/META-INF/spring-configuration-metadata.json");
		Files.createDirectories(metadata.getParent());
		Files.writeString(metadata, METADATA);
		this.classLoader = new URLClassLoader(new URL[] { this.directory.resolve("classes/").toUri().toURL() }, null);
	}

	@Test
	void tableThatListsEveryPropertyWithItsDefaultHasNoDisagreement() throws Exception {
		PropertyTable table = read("""
				<!-- properties x -->
				| Property | Default | Meaning |
				|---|---|---|
				| `x.enabled` | `true` | on or off |
				| `x.ttl` | `30m` | the same duration, written otherwise |
				| `x.max-size` | `64KB` | size |
				| `x.keys` | `Command,F` | a list, comma-separated |
				| `x.token` | — (required) | prose: no fixed default |
				| `x.limits.max-fields` | `500` | nested |
				""");
		assertThat(table.defaults()).containsKeys("x.enabled", "x.limits.max-fields").hasSize(6);
		assertThat(table.disagreementsWith(this.classLoader)).isEmpty();
	}

	@Test
	void propertyMissingOnEitherSideIsReported() throws Exception {
		PropertyTable table = read("""
				<!-- properties x -->
				| Property | Default | Meaning |
				|---|---|---|
				| `x.enabled` | `true` | on or off |
				| `x.ttl` | `1800s` | |
				| `x.max-size` | `64KB` | |
				| `x.keys` | `Command,F` | |
				| `x.token` | none | |
				| `x.renamed` | `1` | not a property |

				| `x.limits.max-fields` | `500` | outside the marked table |
				""");
		assertThat(table.disagreementsWith(this.classLoader)).containsExactlyInAnyOrder(
				"x.limits.max-fields is in the metadata but not in the docs",
				"x.renamed is documented but not in the metadata");
	}

	@Test
	void defaultThatDiffersIsReported() throws Exception {
		PropertyTable table = read("""
				<!-- properties x.enabled x.ttl x.max-size x.keys x.token -->
				| property | default | |
				|---|---|---|
				| `x.enabled` | `false` | |
				| `x.ttl` | `1800` (s) | prose where the metadata has a default |
				| `x.max-size` | `64MB` | |
				| `x.keys` | `Command,G` | |
				| `x.token` | `secret` | a default the metadata lacks |
				""");
		assertThat(table.disagreementsWith(this.classLoader)).containsExactly(
				"x.enabled: docs give default 'false', metadata has 'true'",
				"x.ttl: docs give no fixed default ('`1800` (s)'), metadata has '1800s'",
				"x.max-size: docs give default '64MB', metadata has '64KB'",
				"x.keys: docs give default 'Command,G', metadata has 'Command,F'",
				"x.token: docs give default 'secret', metadata has none");
	}

	@Test
	void durationWithoutUnitIsNotTakenForSeconds() throws Exception {
		PropertyTable table = read("""
				<!-- properties x.ttl -->
				| Property | Default |
				|---|---|
				| `x.ttl` | `1800` |
				""");
		assertThat(table.disagreementsWith(this.classLoader))
			.containsExactly("x.ttl: docs give default '1800', metadata has '1800s'");
	}

	@Test
	void markerNamesLimitTheCheckToTheirProperties() throws Exception {
		PropertyTable table = read("""
				<!-- properties x.limits x.token -->
				| Property | Default | Meaning |
				|---|---|---|
				| `x.limits.max-fields` | `500` | |
				| `x.token` | unset | |
				| `x.enabled` | `true` | not below the marker's names |
				""");
		assertThat(table.disagreementsWith(this.classLoader))
			.containsExactly("x.enabled is in a table marked [x.limits, x.token]");
	}

	@Test
	void malformedTablesAreReported() throws Exception {
		PropertyTable table = read("""
				<!-- properties x.token -->
				| Property | Meaning |
				|---|---|
				| `x.token` | no default column |

				<!-- properties x.enabled -->
				| Property | Default |
				|---|---|
				| x.enabled | `true` |
				| `x.enabled` | `true` |
				| `x.enabled` | `true` |
				""");
		assertThat(table.disagreementsWith(this.classLoader)).containsExactly(
				"the table marked [x.token] has no Default column",
				"row '| x.enabled | `true` |' does not start " + "with a property name in backticks",
				"x.enabled is listed twice", "x.token is in the metadata but not in the docs");
	}

	@Test
	void pageWithoutMarkedTableIsReported() throws Exception {
		PropertyTable table = read("""
				| Property | Default |
				|---|---|
				| `x.enabled` | `true` |
				""");
		List<String> problems = table.disagreementsWith(this.classLoader);
		assertThat(problems).singleElement().asString().endsWith("has no table marked <!-- properties ... -->");
	}

	@Test
	void propertyWithoutDescriptionIsReported() throws Exception {
		Files.writeString(this.directory.resolve("classes/META-INF/spring-configuration-metadata.json"), """
				{"properties": [{"name": "z.undocumented", "type": "java.lang.String"}]}
				""");
		PropertyTable table = read("""
				<!-- properties z -->
				| Property | Default |
				|---|---|
				| `z.undocumented` | none |
				""");
		assertThat(table.disagreementsWith(this.classLoader))
			.containsExactly("z.undocumented has no description in the metadata");
	}

	private PropertyTable read(String markdown) throws Exception {
		Path page = this.directory.resolve("page.md");
		Files.writeString(page, markdown);
		return PropertyTable.read(page);
	}

}
