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

package io.github.agentprotocols.benchmarks.load;

import java.time.Duration;
import java.util.List;
import java.util.Random;
import java.util.stream.IntStream;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class IdleGapsTests {

	private final IdleGaps gaps = new IdleGaps(Duration.ofSeconds(2), Duration.ofSeconds(3));

	private final List<Duration> drawn = IntStream.range(0, 20_000)
		.mapToObj((i) -> this.gaps.next(new Random(i)))
		.toList();

	@Test
	void halfTheRequestsFollowTheirAnswerAtOnce() {
		assertThat(this.drawn.stream().filter(Duration::isZero).count()).isBetween(9_000L, 11_000L);
	}

	@Test
	void longGapsSpanBothIdleTimeouts() {
		assertThat(this.drawn).allSatisfy((gap) -> assertThat(gap).isBetween(Duration.ZERO, Duration.ofMillis(4500)));
		assertThat(this.drawn.stream().filter((gap) -> gap.compareTo(Duration.ofSeconds(1)) >= 0))
			.anySatisfy((gap) -> assertThat(gap).isLessThan(Duration.ofSeconds(2)))
			.anySatisfy((gap) -> assertThat(gap).isBetween(Duration.ofSeconds(2), Duration.ofSeconds(3)))
			.anySatisfy((gap) -> assertThat(gap).isGreaterThan(Duration.ofSeconds(3)));
	}

}
