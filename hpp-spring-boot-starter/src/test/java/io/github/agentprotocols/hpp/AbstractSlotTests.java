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
