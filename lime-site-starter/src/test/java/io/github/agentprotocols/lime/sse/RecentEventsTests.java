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

package io.github.agentprotocols.lime.sse;

import io.github.agentprotocols.lime.LimeEvent;
import io.github.agentprotocols.testsupport.SpecItem;
import io.github.agentprotocols.lime.LimeEvent.Type;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests for {@link RecentEvents}.
 */
@SpecItem("LIME-8.7")
class RecentEventsTests {

	private final RecentEvents recent = new RecentEvents(2);

	@Test
	void sameTypeAndRequestIdIsARepeatWhateverThePassportOrId() {
		assertThat(this.recent.add(new LimeEvent(Type.APPROVED, "lr_1", "a", "1"))).isTrue();
		assertThat(this.recent.add(new LimeEvent(Type.APPROVED, "lr_1", "b", "2"))).isFalse();
	}

	@Test
	void otherTypeOfTheSameRequestIsNew() {
		assertThat(this.recent.add(new LimeEvent(Type.APPROVED, "lr_1", "a", null))).isTrue();
		assertThat(this.recent.add(new LimeEvent(Type.EXPIRED, "lr_1", null, null))).isTrue();
	}

	@Test
	void oldestEventIsForgottenBeyondTheCapacity() {
		this.recent.add(new LimeEvent(Type.EXPIRED, "lr_1", null, null));
		this.recent.add(new LimeEvent(Type.EXPIRED, "lr_2", null, null));
		this.recent.add(new LimeEvent(Type.EXPIRED, "lr_3", null, null));
		assertThat(this.recent.add(new LimeEvent(Type.EXPIRED, "lr_3", null, null))).isFalse();
		assertThat(this.recent.add(new LimeEvent(Type.EXPIRED, "lr_1", null, null))).isTrue();
	}

}
