package io.github.agentprotocols.lime.memory;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;

import io.github.agentprotocols.testsupport.SimulatedClock;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class InMemoryPassportReplayStoreTests {

	private final SimulatedClock clock = new SimulatedClock(Instant.parse("2026-06-10T12:00:00Z"));

	private final InMemoryPassportReplayStore store = new InMemoryPassportReplayStore(this.clock);

	@Test
	void keyIsMarkedOnceUntilItsMarkExpires() {
		Instant until = this.clock.instant().plusSeconds(180);
		assertThat(this.store.markUsed("lime-site-login:request_id=lr_1", until)).isTrue();
		assertThat(this.store.markUsed("lime-site-login:request_id=lr_1", until)).isFalse();
		assertThat(this.store.markUsed("lime-site-login:request_id=lr_2", until)).isTrue();
		this.clock.advance(Duration.ofSeconds(180));
		assertThat(this.store.markUsed("lime-site-login:request_id=lr_1", until.plusSeconds(180))).isTrue();
	}

	@Test
	void expiredMarksAreSweptAfterAMinute() {
		for (int i = 0; i < 100; i++) {
			this.store.markUsed("k" + i, this.clock.instant().plusSeconds(10));
		}
		assertThat(this.store.size()).isEqualTo(100);
		this.clock.advance(Duration.ofSeconds(61));
		this.store.markUsed("fresh", this.clock.instant().plusSeconds(10));
		assertThat(this.store.size()).isOne();
	}

}
