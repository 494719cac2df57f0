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
