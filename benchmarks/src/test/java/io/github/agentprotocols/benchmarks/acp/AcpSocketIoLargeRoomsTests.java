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
 * A short {@link AcpSocketIoLargeRooms}: one round of 200 sockets a room, the server in a
 * process of its own.
 */
class AcpSocketIoLargeRoomsTests {

	@Test
	void everySocketReceivesEveryMessageAndTheApplicationPortHoldsOneDescriptorPerSocket() throws Exception {
		AcpSocketIoLargeRooms rooms = new AcpSocketIoLargeRooms(List.of(200), 5, 1,
				new AcpSocketIoLargeRooms.Warmup(0, 1, 1.0));
		List<LatencyReport> reports = rooms.run();
		assertThat(reports).extracting(LatencyReport::name)
			.containsExactly("baseline-raw-netty-socketio-room-200-sockets-memory-c1-median-of-1",
					"acp-post-to-receipt-app-port-in-place-200-sockets-memory-c1-median-of-1",
					"node-socketio-room-200-sockets-memory-c1-median-of-1",
					"baseline-raw-netty-socketio-room-200-sockets-memory-c1-round-1",
					"acp-post-to-receipt-app-port-in-place-200-sockets-memory-c1-round-1",
					"node-socketio-room-200-sockets-memory-c1-round-1");
		assertThat(reports).allSatisfy((report) -> assertThat(report.failed()).as(report.name()).isZero());
		assertThat(reports).filteredOn((report) -> report.name().contains("-round-"))
			.allSatisfy((report) -> assertThat(report.succeeded()).as(report.name()).isEqualTo(5 * 200));
		assertThat(rooms.connections().get("acp-post-to-receipt-app-port-in-place")).singleElement()
			.satisfies((connection) -> {
				assertThat(connection.inProcess()).isFalse();
				assertThat(connection.serverDescriptors()).isBetween(0.9, 1.1);
				assertThat(connection.heapBytes()).isPositive();
				assertThat(connection.processorNanos()).isPositive();
			});
	}

}
