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

import java.util.concurrent.CompletableFuture;

import org.HdrHistogram.Histogram;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class RoomReceiptsTests {

	private static final String PACKET = "42[\"event\",{\"id\":\"evt_1\",\"client_id\":\"%s\",\"type\":\"message\"}]";

	@Test
	void messageIsReceivedOnceEverySocketReadItsEvent() {
		RoomReceipts receipts = new RoomReceipts(2);
		Histogram latencies = receipts.record();
		CompletableFuture<Void> everySocket = receipts.expect("raw-1", 1_000);
		receipts.received(PACKET.formatted("raw-1"), 4_000);
		assertThat(everySocket).isNotDone();
		receipts.received(PACKET.formatted("raw-1"), 9_000);
		assertThat(everySocket).isCompleted();
		assertThat(latencies.getTotalCount()).isEqualTo(2);
		assertThat(latencies.getMinValue()).isEqualTo(3_000);
		assertThat(latencies.getMaxValue()).isBetween(8_000L, 8_010L);
	}

	@Test
	void eventsOfOtherMessagesAreNotCounted() {
		RoomReceipts receipts = new RoomReceipts(1);
		Histogram latencies = receipts.record();
		CompletableFuture<Void> everySocket = receipts.expect("raw-1", 1_000);
		receipts.received(PACKET.formatted("raw-2"), 2_000);
		receipts.received("42[\"event\",{\"id\":\"evt_1\"}]", 2_000);
		assertThat(everySocket).isNotDone();
		assertThat(latencies.getTotalCount()).isZero();
	}

	@Test
	void abandonedMessageCountsTheSocketsThatDidNotReadItAsMissed() {
		RoomReceipts receipts = new RoomReceipts(3);
		receipts.record();
		receipts.expect("raw-1", 1_000);
		receipts.received(PACKET.formatted("raw-1"), 2_000);
		receipts.abandon("raw-1");
		receipts.received(PACKET.formatted("raw-1"), 3_000);
		assertThat(receipts.missed()).isEqualTo(2);
		receipts.record();
		assertThat(receipts.missed()).isZero();
	}

}
