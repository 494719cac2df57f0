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

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.JsonNodeFactory;

import static org.assertj.core.api.Assertions.assertThat;

class ChangeLogTests {

	private static final Instant T0 = Instant.parse("2026-11-22T10:00:00.123456789Z");

	private static final JsonNodeFactory nodes = JsonNodeFactory.instance;

	@Test
	void retainsTheNewestChangesOldestFirst() {
		ChangeLog log = new ChangeLog(List.of(), T0);
		for (int i = 0; i < 450; i++) {
			log.record("k" + i, nodes.nullNode(), value(i), FieldOwner.AI, T0.plusSeconds(i));
		}
		List<Change> retained = log.recent(ChangeLog.RETAINED + 1);
		assertThat(retained).hasSize(ChangeLog.RETAINED);
		assertThat(retained.get(0).key()).isEqualTo("k250");
		assertThat(retained.get(ChangeLog.RETAINED - 1).key()).isEqualTo("k449");
		assertThat(log.recent(2)).extracting(Change::key).containsExactly("k448", "k449");
	}

	@Test
	void stampsAreUniqueAndIncreasingWithinOneMicrosecond() {
		ChangeLog log = new ChangeLog(List.of(), T0);
		Change first = log.record("a", nodes.nullNode(), value(1), FieldOwner.AI, T0.plusNanos(1000));
		Change second = log.record("b", nodes.nullNode(), value(2), FieldOwner.AI, T0.plusNanos(1001));
		Change third = log.record("c", nodes.nullNode(), value(3), FieldOwner.AI, T0);
		assertThat(first.at()).isEqualTo(Instant.parse("2026-11-22T10:00:00.123457Z"));
		assertThat(second.at()).isEqualTo(first.at().plusNanos(1000));
		assertThat(third.at()).isEqualTo(second.at().plusNanos(1000));
		assertThat(log.lastStamp()).isEqualTo(third.at());
	}

	@Test
	void changesAfterAnInstantExcludeThoseMadeAtIt() {
		ChangeLog log = new ChangeLog(List.of(), T0);
		Change first = log.record("a", nodes.nullNode(), value(1), FieldOwner.AI, T0.plusSeconds(1));
		log.record("b", nodes.nullNode(), value(2), FieldOwner.USER, T0.plusSeconds(2));
		assertThat(log.after(first.at())).extracting(Change::key).containsExactly("b");
		assertThat(log.after(T0)).extracting(Change::key).containsExactly("a", "b");
	}

	@Test
	void copyAndOriginalGoTheirOwnWays() {
		ChangeLog log = new ChangeLog(List.of(), T0);
		for (int i = 0; i < 300; i++) {
			log.record("k" + i, nodes.nullNode(), value(i), FieldOwner.AI, T0.plusSeconds(i));
		}
		List<Change> before = log.recent(ChangeLog.RETAINED);
		ChangeLog copy = log.copy();
		for (int i = 300; i < 500; i++) {
			log.record("k" + i, nodes.nullNode(), value(i), FieldOwner.AI, T0.plusSeconds(i));
		}
		assertThat(copy.recent(ChangeLog.RETAINED)).containsExactlyElementsOf(before);
		copy.record("mine", nodes.nullNode(), value(0), FieldOwner.USER, T0.plusSeconds(1000));
		assertThat(copy.recent(1)).extracting(Change::key).containsExactly("mine");
		assertThat(log.recent(1)).extracting(Change::key).containsExactly("k499");
		assertThat(log.lastStamp()).isBefore(copy.lastStamp());
	}

	@Test
	void restoredLogKeepsTheNewestChanges() {
		List<Change> changes = new ArrayList<>();
		for (int i = 0; i < 250; i++) {
			changes.add(new Change("k" + i, nodes.nullNode(), value(i), FieldOwner.AI, T0.plusSeconds(i)));
		}
		ChangeLog log = new ChangeLog(changes, T0.plusSeconds(249));
		assertThat(log.recent(ChangeLog.RETAINED)).containsExactlyElementsOf(changes.subList(50, 250));
		assertThat(log.lastStamp()).isEqualTo(T0.plusSeconds(249));
	}

	private static JsonNode value(int i) {
		return nodes.numberNode(i);
	}

}
