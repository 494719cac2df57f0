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

import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;

class RedisAclUserTests {

	private static final String PAGE = """
			# Page

			<!-- acl one -->
			| needed for | rules |
			|---|---|
			| connection | `+hello +client\\|setinfo` |
			| keys | `~one:* &one:*` |

			| other | rules |
			|---|---|
			| unmarked | `+flushall` |

			<!-- acl two -->
			| needed for | rules |
			|---|---|
			| commands | `+get` |
			""";

	@TempDir
	Path directory;

	@Test
	void rulesAreThoseOfEveryRowOfTheMarkedTableWithPipesUnescaped() throws Exception {
		Path page = write();
		assertThat(RedisAclUser.rules(page, "one")).containsExactly("+hello", "+client|setinfo", "~one:*", "&one:*");
		assertThat(RedisAclUser.rules(page, "two")).containsExactly("+get");
		assertThat(RedisAclUser.commands(page, "one")).containsExactly("client|setinfo", "hello");
	}

	@Test
	void tableThatIsNotOnThePageIsAnError() throws Exception {
		Path page = write();
		assertThatIllegalStateException().isThrownBy(() -> RedisAclUser.rules(page, "three"))
			.withMessageContaining("<!-- acl three -->");
	}

	private Path write() throws Exception {
		Path page = this.directory.resolve("page.md");
		Files.writeString(page, PAGE);
		return page;
	}

}
