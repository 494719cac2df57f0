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

package io.github.agentprotocols.hpp.redis;

import java.util.ArrayList;
import java.util.List;

import io.github.agentprotocols.hpp.SessionStoreUnavailableException;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * A script's state reply of another shape than the scripts give (a CI run met one, a list
 * where a string belongs, while Lettuce reconnected to a new master during a Sentinel
 * failover) is the store unavailable for a moment, answered 503 to retry, naming the
 * reply's shape: never a {@link ClassCastException} and a 500.
 */
class UnreadableReplyTests {

	@Test
	void aListWhereAStringBelongsIsTheStoreUnavailable() {
		List<Object> reply = new ArrayList<>(List.of("A", "1", "0:0:", "0:0:"));
		reply.add(new ArrayList<>());
		reply.addAll(List.of("1", "0", "60", "0", "0", "0"));

		assertThatExceptionOfType(SessionStoreUnavailableException.class)
			.isThrownBy(() -> RedisSessionStore.session(reply, FixedPart::read))
			.withMessageContaining("reply of another shape [String, String, String, String, ArrayList,")
			.withCauseInstanceOf(ClassCastException.class);
	}

	@Test
	void aShortReplyIsTheStoreUnavailable() {
		assertThatExceptionOfType(SessionStoreUnavailableException.class)
			.isThrownBy(() -> RedisSessionStore.session(List.of("A", "1", "0:0:", "0:0:"), FixedPart::read))
			.withCauseInstanceOf(IndexOutOfBoundsException.class);
	}

}
