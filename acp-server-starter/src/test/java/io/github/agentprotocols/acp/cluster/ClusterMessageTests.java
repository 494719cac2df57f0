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

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import io.github.agentprotocols.acp.AcpBroadcast.EventAppended;
import io.github.agentprotocols.acp.AcpBroadcast.MembersUpdated;
import io.github.agentprotocols.acp.AcpBroadcast.RunUpdated;
import io.github.agentprotocols.acp.AcpBroadcast.ThreadRemoved;
import io.github.agentprotocols.acp.AcpBroadcast.ThreadUpdated;
import io.github.agentprotocols.acp.AcpBroadcast;
import io.github.agentprotocols.acp.AcpIds;
import io.github.agentprotocols.acp.AcpThread;
import io.github.agentprotocols.acp.ContentPart;
import io.github.agentprotocols.acp.Event;
import io.github.agentprotocols.acp.EventDraft;
import io.github.agentprotocols.acp.Identity;
import io.github.agentprotocols.acp.InvocationRequest;
import io.github.agentprotocols.acp.NewThread;
import io.github.agentprotocols.acp.Run;
import io.github.agentprotocols.acp.ThreadPatch;
import io.github.agentprotocols.acp.memory.InMemoryThreadStore;
import io.github.agentprotocols.acp.wire.AcpJson;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class ClusterMessageTests {

	private static final int LIMIT = PostgresClusterChannel.MAX_PAYLOAD_BYTES;

	private static final String LARGE = "x".repeat(10_000);

	private final InMemoryThreadStore store = new InMemoryThreadStore(Clock.systemUTC());

	private final Identity alice = Identity.user("alice", "Alice");

	private final AcpThread thread = this.store.createThread(NewThread.withTenant(null), this.alice).block().thread();

	@Test
	void everyKindOfBroadcastTravelsWhole() {
		Identity helper = Identity.assistant("helper", "Helper");
		this.store.addMember(this.thread.id(), helper, "member", this.alice).block();
		Run run = invoke();
		List<AcpBroadcast> broadcasts = List.of(new EventAppended(append("hi")), new ThreadUpdated(this.thread),
				new MembersUpdated(this.thread.id(), List.of(this.alice, helper)), new RunUpdated(run),
				new ThreadRemoved(this.thread, ThreadRemoved.Reason.MEMBER_REMOVED, "bob"),
				new ThreadRemoved(this.thread, ThreadRemoved.Reason.DELETED, null));
		for (int i = 0; i < broadcasts.size(); i++) {
			String text = ClusterMessage.write("node-a", i + 1, broadcasts.get(i), LIMIT, Map.of());
			ClusterMessage message = ClusterMessage.read(text);
			assertThat(message.origin()).isEqualTo("node-a");
			assertThat(message.sequence()).isEqualTo(i + 1);
			assertThat(message.reference()).isNull();
			assertThat(message.resolve(this.store).block()).isEqualTo(broadcasts.get(i));
		}
	}

	@Test
	void eventOverTheLimitGoesByReferenceAndIsReadBackWhole() {
		append("before");
		Event large = append(LARGE);
		append("after");
		String text = ClusterMessage.write("node-a", 7, new EventAppended(large), LIMIT, Map.of());
		assertThat(text.getBytes(StandardCharsets.UTF_8).length).isLessThan(300);
		ClusterMessage message = ClusterMessage.read(text);
		assertThat(message.broadcast()).isNull();
		assertThat(message.resolve(this.store).block()).isEqualTo(new EventAppended(large));
	}

	@Test
	void traceTravelsWithTheBroadcastAndByReference() {
		Map<String, String> trace = Map.of("traceparent", "00-0af7651916cd43dd8448eb211c80319c-b7ad6b7169203331-01");
		ClusterMessage inline = ClusterMessage
			.read(ClusterMessage.write("node-a", 1, new ThreadUpdated(this.thread), LIMIT, trace));
		assertThat(inline.trace()).isEqualTo(trace);
		ClusterMessage byReference = ClusterMessage
			.read(ClusterMessage.write("node-a", 2, new EventAppended(append(LARGE)), LIMIT, trace));
		assertThat(byReference.broadcast()).isNull();
		assertThat(byReference.trace()).isEqualTo(trace);
	}

	@Test
	void messageWithoutTraceIsReadWithAnEmptyOne() {
		String written = ClusterMessage.write("node-a", 1, new ThreadUpdated(this.thread), LIMIT, Map.of());
		assertThat(written).doesNotContain("trace");
		ClusterMessage message = ClusterMessage.read("{\"origin\":\"node-a\",\"sequence\":3,\"type\":\"thread\","
				+ "\"broadcast\":" + AcpJson.mapper().readTree(written).get("broadcast") + "}");
		assertThat(message.trace()).isEmpty();
		assertThat(ClusterMessage.read(written).trace()).isEmpty();
	}

	@Test
	void threadAndMembersAndRunOverTheLimitAreReadBackAsTheyAreNow() {
		AcpThread large = this.store
			.updateThread(this.thread.id(), new ThreadPatch(null, Map.of("notes", LARGE)), this.alice)
			.block()
			.thread();
		Identity helper = new Identity(Identity.assistant("helper", "Helper").role(), "helper", "Helper",
				Map.of("notes", LARGE));
		this.store.addMember(this.thread.id(), helper, "member", this.alice).block();
		Run run = invoke();
		assertThat(roundTrip(new ThreadUpdated(large))).isEqualTo(new ThreadUpdated(large));
		assertThat(roundTrip(new MembersUpdated(this.thread.id(), List.of(this.alice, helper))))
			.isEqualTo(new MembersUpdated(this.thread.id(), List.of(this.alice, helper)));
		Run started = this.store.startRun(run.id(), "node-a").block().run();
		assertThat(roundTrip(new RunUpdated(withMetadata(run, LARGE)))).isEqualTo(new RunUpdated(started));
	}

	@Test
	void removalOverTheLimitKeepsTheThreadWithoutItsMetadata() {
		AcpThread large = new AcpThread(this.thread.id(), this.thread.tenant(), Map.of("notes", LARGE),
				this.thread.createdAt(), this.thread.updatedAt());
		this.store.deleteThread(this.thread.id()).block();
		AcpBroadcast removed = roundTrip(new ThreadRemoved(large, ThreadRemoved.Reason.DELETED, null));
		assertThat(removed).isEqualTo(new ThreadRemoved(
				new AcpThread(large.id(), large.tenant(), Map.of(), large.createdAt(), large.updatedAt()),
				ThreadRemoved.Reason.DELETED, null));
	}

	@Test
	void malformedMessageIsRefused() {
		org.assertj.core.api.Assertions.assertThatIllegalArgumentException()
			.isThrownBy(() -> ClusterMessage.read("{\"origin\":\"a\",\"sequence\":1,\"type\":\"event\"}"));
	}

	private AcpBroadcast roundTrip(AcpBroadcast broadcast) {
		String text = ClusterMessage.write("node-a", 1, broadcast, LIMIT, Map.of());
		assertThat(text.getBytes(StandardCharsets.UTF_8).length).isLessThanOrEqualTo(LIMIT);
		assertThat(AcpJson.parse(text).has("reference")).isTrue();
		return ClusterMessage.read(text).resolve(this.store).block();
	}

	private Event append(String text) {
		Event event = new EventDraft(null, List.of(new ContentPart.Text(text)), Map.of()).toEvent(AcpIds.event(),
				this.thread.id(), this.alice, Instant.now());
		return this.store.append(event).block().event();
	}

	private Run invoke() {
		return this.store.invoke(this.thread.id(), InvocationRequest.of(List.of("helper"), this.alice, null, null))
			.block()
			.runs()
			.get(0)
			.run();
	}

	private static Run withMetadata(Run run, String notes) {
		return new Run(run.id(), run.threadId(), run.assistant(), run.triggeredBy(), run.status(), run.startedAt(),
				run.completedAt(), run.error(), run.idempotencyKey(), Map.of("notes", notes), run.chainDepth(),
				run.parentRunId());
	}

}
