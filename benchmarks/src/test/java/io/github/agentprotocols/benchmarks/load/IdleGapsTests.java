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
