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

package io.github.agentprotocols.benchmarks.acp;

import java.util.List;

import io.github.agentprotocols.benchmarks.load.LatencyReport;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The short version of the fan-out that every build runs: a few sockets in each room, the
 * starter's (application port and direct port), bare netty-socketio's and Node.js
 * Socket.IO's, each socket receiving every message posted. Nothing is timed.
 */
class AcpSocketIoFanOutTests {

	@Test
	void everySocketOfEveryRoomReceivesEveryMessage() throws Exception {
		List<LatencyReport> reports = new AcpSocketIoFanOut(false, 1, 10, 20).run();
		assertThat(reports).extracting(LatencyReport::name)
			.contains("baseline-raw-netty-socketio-room-20-sockets-memory-c1-median-of-5",
					"acp-post-to-receipt-app-port-in-place-20-sockets-memory-c1-median-of-5",
					"acp-post-to-receipt-direct-20-sockets-memory-c1-median-of-5",
					"node-socketio-room-20-sockets-memory-c1-median-of-5");
		assertThat(reports).allSatisfy((report) -> assertThat(report.failed()).as(report.name()).isZero());
		assertThat(reports).filteredOn((report) -> report.name().contains("-round-"))
			.hasSize(4 * 5)
			.allSatisfy((report) -> assertThat(report.succeeded()).as(report.name()).isEqualTo(10 * 20));
	}

}
