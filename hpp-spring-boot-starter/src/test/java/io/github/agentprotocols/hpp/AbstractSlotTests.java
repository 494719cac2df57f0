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

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import io.github.agentprotocols.hpp.wire.HandshakeEvent;
import io.github.agentprotocols.testsupport.SpecItem;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Mono;
import tools.jackson.databind.node.JsonNodeFactory;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;

/**
 * A reserved place is settled once, on subscription: filled or released, never both.
 */
@SpecItem("HPP-A2")
class AbstractSlotTests {

	private final RecordingSlot slot = new RecordingSlot();

	@Test
	void aPlaceIsFilledOnceAndFillingItAgainFails() {
		this.slot.fill(batch("first")).block();
		assertThatIllegalStateException().isThrownBy(() -> this.slot.fill(batch("second")).block())
			.withMessage("Place already filled or released");
		assertThat(this.slot.settlements).containsExactly("fill:first");
	}

	@Test
	void releasingAFilledPlaceDoesNothing() {
		this.slot.fill(batch("first")).block();
		this.slot.release().block();
		assertThat(this.slot.settlements).containsExactly("fill:first");
	}

	@Test
	void aPlaceIsReleasedOnceAndCannotBeFilledAfterwards() {
		this.slot.release().block();
		this.slot.release().block();
		assertThatIllegalStateException().isThrownBy(() -> this.slot.fill(batch("late")).block());
		assertThat(this.slot.settlements).containsExactly("release");
	}

	@Test
	void nothingIsSettledUntilSubscribed() {
		Mono<Void> fill = this.slot.fill(batch("lazy"));
		this.slot.release().block();
		assertThatIllegalStateException().isThrownBy(fill::block);
		assertThat(this.slot.settlements).containsExactly("release");
	}

	private static PacedBatch batch(String name) {
		HandshakeEvent done = new HandshakeEvent(JsonNodeFactory.instance.objectNode().put("type", name));
		return new PacedBatch(List.of(), done, Duration.ZERO);
	}

	static final class RecordingSlot extends PacedDelivery.AbstractSlot {

		final List<String> settlements = new ArrayList<>();

		@Override
		protected Mono<Void> doFill(PacedBatch batch) {
			return Mono.fromRunnable(() -> this.settlements.add("fill:" + batch.done().type()));
		}

		@Override
		protected Mono<Void> doRelease() {
			return Mono.fromRunnable(() -> this.settlements.add("release"));
		}

	}

}
