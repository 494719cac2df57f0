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
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The repository's Markdown (the root and module READMEs, {@code CONTRIBUTING.md},
 * {@code CHANGELOG.md}, {@code docs/} and {@code contributing/} with their folders) links
 * only to files of the repository, each of which exists, and to headings that exist: a
 * reader of a clone never follows a link into nothing.
 */
class DocsLinksTests {

	private static final Path ROOT = RepositoryPages.ROOT;

	private static final Pattern LINK = Pattern.compile("\\]\\(([^)\\s]+)(?:\\s+\"[^\"]*\")?\\)");

	private static final Pattern HEADING = Pattern.compile("^#{1,6}\\s+(.+?)\\s*$");

	@Test
	void everyRelativeLinkResolvesInsideTheRepository() throws IOException {
		List<String> broken = new ArrayList<>();
		for (Path page : RepositoryPages.all()) {
			for (String target : links(page)) {
				String problem = check(page, target);
				if (problem != null) {
					broken.add(ROOT.relativize(page) + ": " + target + " (" + problem + ")");
				}
			}
		}
		assertThat(broken).isEmpty();
	}

	@Test
	void aLinkOutsideTheRepositoryIsReported() throws IOException {
		Path readme = ROOT.resolve("README.md");
		assertThat(check(readme, "../shared/specs/hpp.md")).isEqualTo("outside the repository");
		assertThat(check(readme, "docs/no-such-page.md")).isEqualTo("no such file");
		assertThat(check(readme, "docs/README.md#no-such-heading")).isEqualTo("no such heading");
		assertThat(check(readme, "docs/README.md#how-to-guides")).isNull();
	}

	private static List<String> links(Path page) throws IOException {
		List<String> links = new ArrayList<>();
		boolean code = false;
		for (String line : Files.readAllLines(page)) {
			if (line.stripLeading().startsWith("```")) {
				code = !code;
			}
			if (code) {
				continue;
			}
			Matcher matcher = LINK.matcher(line.replaceAll("`[^`]*`", ""));
			while (matcher.find()) {
				links.add(matcher.group(1));
			}
		}
		return links;
	}

	private static String check(Path page, String target) {
		if (target.matches("^[a-z][a-z0-9+.-]*:.*")) {
			return null;
		}
		int hash = target.indexOf('#');
		String file = (hash >= 0) ? target.substring(0, hash) : target;
		String anchor = (hash >= 0) ? target.substring(hash + 1) : null;
		Path resolved = file.isEmpty() ? page : page.getParent().resolve(file).normalize();
		if (!resolved.startsWith(ROOT)) {
			return "outside the repository";
		}
		if (!Files.exists(resolved)) {
			return "no such file";
		}
		if (anchor != null && resolved.toString().endsWith(".md") && !headings(resolved).contains(anchor)) {
			return "no such heading";
		}
		return null;
	}

	/**
	 * The anchors GitHub gives a page's headings: the text of links, lower case,
	 * punctuation dropped, spaces as hyphens, a repeated heading numbered.
	 */
	private static Set<String> headings(Path page) {
		Set<String> anchors = new HashSet<>();
		boolean code = false;
		try {
			for (String line : Files.readAllLines(page)) {
				if (line.stripLeading().startsWith("```")) {
					code = !code;
				}
				Matcher heading = HEADING.matcher(line);
				if (!code && heading.matches()) {
					String slug = heading.group(1)
						.replaceAll("\\[([^\\]]*)\\]\\([^)]*\\)", "$1")
						.toLowerCase(Locale.ROOT)
						.replaceAll("[^\\p{L}\\p{N} _-]", "")
						.replace(' ', '-');
					String anchor = slug;
					for (int n = 1; !anchors.add(anchor); n++) {
						anchor = slug + "-" + n;
					}
				}
			}
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		return anchors;
	}

}
