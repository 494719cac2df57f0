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

package io.github.agentprotocols.benchmarks.faults;

import java.time.Duration;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

/**
 * Tests for {@link FaultKind}.
 */
class FaultKindTests {

	@Test
	void kindsAreChosenByTheirNames() {
		assertThat(FaultKind.of("cluster-failover")).isEqualTo(FaultKind.CLUSTER_FAILOVER);
		assertThat(FaultKind.of(" pg-terminate ")).isEqualTo(FaultKind.PG_TERMINATE);
		assertThat(FaultKind.of("instance-kill")).hasToString("instance-kill");
	}

	@Test
	void anUnknownNameListsTheKinds() {
		assertThatIllegalArgumentException().isThrownBy(() -> FaultKind.of("pg-kill"))
			.withMessage("Unknown bench.faults.kind 'pg-kill': use one of cluster-failover, sentinel-failover,"
					+ " instance-kill, pg-terminate, pg-restart");
	}

	@Test
	void eachKindDrivesTheLoadsItAppliesTo() {
		assertThat(FaultKind.CLUSTER_FAILOVER.drives(HppUnderFaults.NAME)).isTrue();
		assertThat(FaultKind.CLUSTER_FAILOVER.drives(AcpUnderFaults.NAME)).isTrue();
		assertThat(FaultKind.SENTINEL_FAILOVER.drives(AcpUnderFaults.NAME)).isFalse();
		assertThat(FaultKind.INSTANCE_KILL.drives(HppUnderFaults.NAME)).isTrue();
		assertThat(FaultKind.INSTANCE_KILL.drives(AcpUnderFaults.NAME)).isTrue();
		assertThat(FaultKind.PG_RESTART.drives(HppUnderFaults.NAME)).isFalse();
		assertThatIllegalArgumentException()
			.isThrownBy(() -> FaultKind.PG_RESTART.run(HppUnderFaults.NAME, Duration.ZERO, Duration.ZERO))
			.withMessage("pg-restart does not apply to HppUnderFaults");
	}

}
