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
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The documentation users read stays short and about what users set, get and rely on:
 * {@value #MAX_TOTAL_BYTES} bytes in all, {@value #MAX_PAGE_BYTES} per page, at most one
 * test class named per {@value #BYTES_PER_TEST_NAME} bytes of prose (tests are
 * contributor material; an example in a code block is the user's own), and every topic a
 * heading rather than a bold lead-in. Contributor pages ({@code CONTRIBUTING.md},
 * {@code contributing/}) are not counted.
 */
class UserDocsTests {

	static final int MAX_TOTAL_BYTES = 250_000;

	static final int MAX_PAGE_BYTES = 40_000;

	static final int BYTES_PER_TEST_NAME = 10_000;

	private static final Pattern TEST_CLASS = Pattern.compile("(?<!-)\\b[A-Z][A-Za-z0-9]*(?:Tests?|IT)\\b");

	/** Words the pattern finds that name no test class of the project. */
	private static final Set<String> ANNOTATIONS = Set.of("Test", "Tests", "SpringBootTest", "WebFluxTest",
			"DataR2dbcTest", "ParameterizedTest", "RepeatedTest", "FuzzTest");

	private static final Pattern BOLD_LEAD_IN = Pattern.compile("^\\*\\*[^*]+\\*\\*");

	@Test
	void userDocumentationFitsItsBudget() {
		long total = RepositoryPages.user().stream().mapToLong(UserDocsTests::size).sum();
		assertThat(total).as("bytes of user documentation").isLessThanOrEqualTo(MAX_TOTAL_BYTES);
	}

	@Test
	void noUserPageIsLongerThanFortyKilobytes() {
		assertThat(RepositoryPages.user())
			.allSatisfy((page) -> assertThat(size(page)).as(RepositoryPages.ROOT.relativize(page).toString())
				.isLessThanOrEqualTo(MAX_PAGE_BYTES));
	}

	@Test
	void userPagesNameTestClassesAtMostOncePerTenKilobytes() {
		List<String> crowded = new ArrayList<>();
		long names = 0;
		long bytes = 0;
		for (Path page : RepositoryPages.user()) {
			List<String> found = testClassNames(prose(text(page)));
			long allowed = Math.max(1, size(page) / BYTES_PER_TEST_NAME);
			if (found.size() > allowed) {
				crowded.add(RepositoryPages.ROOT.relativize(page) + " names " + found.size() + " (at most " + allowed
						+ "): " + found);
			}
			names += found.size();
			bytes += size(page);
		}
		assertThat(crowded).isEmpty();
		assertThat(names).as("test-class names in all user pages").isLessThanOrEqualTo(bytes / BYTES_PER_TEST_NAME);
	}

	@Test
	void everyTopicOfAUserPageIsAHeading() {
		List<String> leadIns = new ArrayList<>();
		for (Path page : RepositoryPages.user()) {
			boolean code = false;
			boolean paragraphStart = true;
			for (String line : text(page).split("\n", -1)) {
				if (line.stripLeading().startsWith("```")) {
					code = !code;
				}
				if (!code && paragraphStart && BOLD_LEAD_IN.matcher(line).find()) {
					leadIns.add(RepositoryPages.ROOT.relativize(page) + ": " + line);
				}
				paragraphStart = line.isBlank();
			}
		}
		assertThat(leadIns).as("paragraphs opened by a bold lead-in instead of a heading").isEmpty();
	}

	@Test
	void theChecksFindWhatTheyLookFor() {
		assertThat(testClassNames("See `HppDocsTests`, FooIT and Tests (-DskipTests); HPP is tested."))
			.containsExactly("HppDocsTests", "FooIT");
		assertThat(BOLD_LEAD_IN.matcher("**Timeouts.** A request waits...").find()).isTrue();
		assertThat(BOLD_LEAD_IN.matcher("- **hpp.enabled**: ...").find()).isFalse();
	}

	/** The text outside code blocks, inline code spans kept, HTML comments dropped. */
	private static String prose(String text) {
		StringBuilder prose = new StringBuilder();
		boolean code = false;
		for (String line : text.replaceAll("(?s)<!--.*?-->", "").split("\n", -1)) {
			if (line.stripLeading().startsWith("```")) {
				code = !code;
			}
			else if (!code) {
				prose.append(line).append('\n');
			}
		}
		return prose.toString();
	}

	private static List<String> testClassNames(String text) {
		List<String> names = new ArrayList<>();
		Matcher matcher = TEST_CLASS.matcher(text);
		while (matcher.find()) {
			if (!ANNOTATIONS.contains(matcher.group())) {
				names.add(matcher.group());
			}
		}
		return names;
	}

	private static long size(Path page) {
		try {
			return Files.size(page);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	private static String text(Path page) {
		try {
			return Files.readString(page);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

}
