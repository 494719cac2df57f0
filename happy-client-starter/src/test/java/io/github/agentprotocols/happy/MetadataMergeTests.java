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

package io.github.agentprotocols.happy;

import java.util.LinkedHashMap;
import java.util.Map;

import io.github.agentprotocols.testsupport.SpecItem;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class MetadataMergeTests {

	@SpecItem("HAPPY-8.8.1")
	@Test
	void changedKeysReplaceAndOthersArePreserved() {
		Map<String, Object> metadata = new LinkedHashMap<>();
		metadata.put("path", "/home/user/project");
		metadata.put("host", "box");
		metadata.put("summary", Map.of("text", "old", "updatedAt", 1L));
		metadata.put("unknownField", Map.of("kept", true));
		Map<String, Object> merged = MetadataUpdater.merge(metadata,
				Map.of("summary", Map.of("text", "new", "updatedAt", 2L), "name", "new"));
		assertThat(merged).containsEntry("path", "/home/user/project")
			.containsEntry("host", "box")
			.containsEntry("unknownField", Map.of("kept", true))
			.containsEntry("summary", Map.of("text", "new", "updatedAt", 2L))
			.containsEntry("name", "new");
	}

	@SpecItem("HAPPY-8.8.1")
	@Test
	void mergeIsShallow() {
		Map<String, Object> merged = MetadataUpdater.merge(Map.of("summary", Map.of("text", "a", "updatedAt", 1L)),
				Map.of("summary", Map.of("text", "b")));
		assertThat(merged.get("summary")).isEqualTo(Map.of("text", "b"));
	}

	@SpecItem("HAPPY-8.8.1")
	@Test
	void mergeLeavesTheCurrentDocumentUntouched() {
		Map<String, Object> metadata = new LinkedHashMap<>(Map.of("a", 1L));
		MetadataUpdater.merge(metadata, Map.of("a", 2L));
		assertThat(metadata).containsEntry("a", 1L);
	}

}
