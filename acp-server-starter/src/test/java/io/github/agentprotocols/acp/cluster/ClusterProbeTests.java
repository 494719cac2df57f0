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

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import io.github.agentprotocols.acp.AcpBroadcast.MembersUpdated;
import io.github.agentprotocols.testsupport.SimulatedClock;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

/**
 * The relay's probe of its own channel: what is a probe, whose, when it was heard and
 * when one is overdue.
 */
class ClusterProbeTests {

	private static final Duration TIMEOUT = Duration.ofSeconds(5);

	private final SimulatedClock clock = new SimulatedClock(Instant.parse("2026-01-01T00:00:00Z"));

	private final ClusterProbe probe = new ClusterProbe("acp-a", this.clock, TIMEOUT);

	@Test
	void probesAreNumberedAndNoBroadcastIsTakenForOne() {
		String first = this.probe.next();
		assertThat(first).isEqualTo("{\"probe\":\"acp-a/1\"}");
		assertThat(this.probe.next()).isEqualTo("{\"probe\":\"acp-a/2\"}");
		assertThat(ClusterProbe.isProbe(first)).isTrue();
		String broadcast = ClusterMessage.write("acp-a", 1, new MembersUpdated("t", List.of()), 7_900, Map.of());
		assertThat(ClusterProbe.isProbe(broadcast)).isFalse();
		assertThatIllegalArgumentException().isThrownBy(() -> ClusterMessage.read(first));
	}

	@Test
	void onlyItsOwnProbesAreHeard() {
		ClusterProbe other = new ClusterProbe("acp-b", this.clock, TIMEOUT);
		assertThat(this.probe.hear(other.next())).isFalse();
		assertThat(this.probe.heard()).isNull();
		String own = this.probe.next();
		this.clock.advance(Duration.ofMillis(20));
		assertThat(this.probe.hear(own)).isTrue();
		assertThat(this.probe.heard()).isEqualTo(Instant.parse("2026-01-01T00:00:00.020Z"));
	}

	@Test
	void probeUnheardForLongerThanTheTimeoutIsOverdueUntilOneIsHeard() {
		assertThat(this.probe.isOverdue()).isFalse();
		String first = this.probe.next();
		this.clock.advance(TIMEOUT);
		assertThat(this.probe.isOverdue()).isFalse();
		this.clock.advance(Duration.ofMillis(1));
		assertThat(this.probe.isOverdue()).isTrue();
		this.probe.hear(first);
		assertThat(this.probe.isOverdue()).isFalse();
		this.clock.advance(Duration.ofSeconds(30));
		String second = this.probe.next();
		this.clock.advance(Duration.ofSeconds(10));
		assertThat(this.probe.isOverdue()).isTrue();
		this.probe.hear(second);
		assertThat(this.probe.isOverdue()).isFalse();
	}

	@Test
	void probesSentMoreOftenThanTheTimeoutStillFindADeafChannel() {
		for (int i = 0; i < 5; i++) {
			this.probe.next();
			this.clock.advance(Duration.ofSeconds(1));
		}
		this.clock.advance(Duration.ofMillis(1));
		assertThat(this.probe.isOverdue()).as("the first unheard probe is 5 s old").isTrue();
		String heard = this.probe.next();
		this.probe.hear(heard);
		assertThat(this.probe.isOverdue()).isFalse();
		this.probe.next();
		this.clock.advance(TIMEOUT);
		assertThat(this.probe.isOverdue()).as("the wait runs from the first probe after the one heard").isFalse();
	}

}
