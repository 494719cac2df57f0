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

package io.github.agentprotocols.benchmarks.fuzz;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@link Outcome}: only the limit a server documents is load shed; any other 5xx is a
 * finding.
 */
class OutcomeTests {

	@Test
	void theDocumentedPendingConnectionLimitIsShedAndNotAFinding() {
		Outcome outcome = Outcome.of(503, "{\"code\":4,\"message\":\"Too many pending connections\"}");

		assertThat(outcome).isEqualTo(Outcome.SHED);
		assertThat(outcome.isFinding()).isFalse();
	}

	@Test
	void anyOther5xxIsAFinding() {
		assertThat(Outcome.of(503, "{\"error\":\"session store unavailable\"}")).isEqualTo(Outcome.STATUS_5XX);
		assertThat(Outcome.of(500, "\"Too many pending connections\"")).isEqualTo(Outcome.STATUS_5XX);
		assertThat(Outcome.of(502, "")).matches(Outcome::isFinding);
		assertThat(Outcome.of(400, "{\"code\":3,\"message\":\"Bad request\"}")).isEqualTo(Outcome.STATUS_4XX);
	}

}
