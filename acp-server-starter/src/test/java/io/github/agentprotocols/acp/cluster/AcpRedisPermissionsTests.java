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

package io.github.agentprotocols.acp.cluster;

import java.nio.file.Path;
import java.util.Set;
import java.util.TreeSet;

import io.github.agentprotocols.testsupport.RedisAclUser;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The start-up check of the ACP starter's Redis permissions ({@link RedisPermissions})
 * checks the commands that docs/how-to/use-a-redis-acl-user.md grants the ACP user, but
 * those without which no connection opens, each under the prefix.
 */
class AcpRedisPermissionsTests {

	@Test
	void checkedCommandsAreThoseOfTheDocsTable() {
		Set<String> documented = RedisAclUser.commands(Path.of("../docs/how-to/use-a-redis-acl-user.md"), "acp");
		documented.removeAll(Set.of("hello", "client|setname"));
		Set<String> checked = new TreeSet<>();
		for (String command : RedisPermissions.commands("acp_")) {
			String[] words = command.split(" ");
			checked.add(words[0].equals("cluster") ? "cluster|" + words[1] : words[0]);
			assertThat(words).as(command).noneMatch((word) -> word.contains(":") && !word.startsWith("acp_"));
		}
		assertThat(checked).isEqualTo(documented);
	}

}
