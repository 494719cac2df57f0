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

package io.github.agentprotocols.happy;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import io.github.agentprotocols.happy.core.HappyEncryptionException;
import io.github.agentprotocols.happy.core.HappyException;
import io.github.agentprotocols.happy.crypto.EncryptionVariant;
import io.github.agentprotocols.happy.crypto.RecordKey;
import io.github.agentprotocols.happy.wire.MachineRecord;
import io.github.agentprotocols.happy.wire.SessionRecord;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Mono;

import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.ArgumentMatchers.argThat;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.BDDMockito.given;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;

/**
 * Tests for {@link SessionLauncher} alone: how a session is stopped, with the daemon
 * fallback of spec §8.6, against its collaborators.
 */
class SessionLauncherTests {

	private static final Duration RPC_TIMEOUT = Duration.ofSeconds(60);

	private static final RecordKey KEY = new RecordKey(new byte[32], EncryptionVariant.DATA_KEY);

	private final HappyRestClient rest = mock();

	private final HappyRpc rpc = mock();

	private final SessionDirectory directory = mock();

	private final MetadataUpdater metadata = mock();

	private final SessionLauncher launcher = new SessionLauncher(this.rest, this.rpc, this.directory, mock(),
			this.metadata, "test-client", RPC_TIMEOUT, HappyObservations.NOOP);

	private final SessionRecord session = new SessionRecord("s1", 1, 0, 0, true, 0, "meta", 1, null, 0, null);

	@Test
	void stoppingASessionWhoseAgentIsGoneArchivesItAndAsksItsDaemonToStopIt() {
		MachineRecord machine = machine("m1");
		given(this.directory.require("s1")).willReturn(Mono.just(this.session));
		given(this.directory.key(this.session)).willReturn(KEY);
		given(this.directory.metadata(KEY, "meta")).willReturn(Map.of("machineId", "m1"));
		given(this.rpc.call("s1:killSession", KEY, Map.of(), RPC_TIMEOUT))
			.willReturn(Mono.just(new RpcOutcome.Refused(RpcOutcome.METHOD_NOT_AVAILABLE)));
		given(this.rest.archiveSession("s1")).willReturn(Mono.empty());
		given(this.rest.machine("m1")).willReturn(Mono.just(machine));
		given(this.directory.key(machine)).willReturn(KEY);
		given(this.rpc.call("m1:stop-session", KEY, Map.of("sessionId", "s1"), RPC_TIMEOUT))
			.willReturn(Mono.just(new RpcOutcome.Answered(Map.of())));
		given(this.metadata.update(eq("s1"), any(), any())).willReturn(Mono.empty());
		this.launcher.stop("s1").block();
		verify(this.rest).archiveSession("s1");
		verify(this.rpc).call("m1:stop-session", KEY, Map.of("sessionId", "s1"), RPC_TIMEOUT);
		verify(this.metadata).update(eq("s1"), argThat((changes) -> "archived".equals(changes.get("lifecycleState"))
				&& "test-client".equals(changes.get("archivedBy"))), any());
	}

	@Test
	void stoppingASessionItsAgentRefusesFailsWithoutArchiving() {
		given(this.directory.require("s1")).willReturn(Mono.just(this.session));
		given(this.directory.key(this.session)).willReturn(KEY);
		given(this.directory.metadata(KEY, "meta")).willReturn(Map.of());
		given(this.rpc.call("s1:killSession", KEY, Map.of(), RPC_TIMEOUT))
			.willReturn(Mono.just(new RpcOutcome.Refused("busy")));
		assertThatExceptionOfType(HappyException.class).isThrownBy(() -> this.launcher.stop("s1").block())
			.withMessage("Stopping session s1 failed: busy");
		verify(this.rest, never()).archiveSession(anyString());
	}

	@Test
	void stoppingASessionThatCannotBeDecryptedAsksEveryDaemonThenArchivesIt() {
		MachineRecord first = machine("m1");
		MachineRecord second = machine("m2");
		given(this.directory.require("s1")).willReturn(Mono.just(this.session));
		given(this.directory.key(this.session)).willThrow(new HappyEncryptionException("no key"));
		given(this.rest.machines()).willReturn(Mono.just(List.of(first, second)));
		given(this.directory.key(first)).willReturn(KEY);
		given(this.directory.key(second)).willThrow(new HappyEncryptionException("no key"));
		given(this.rpc.call(eq("m1:stop-session"), eq(KEY), any(), eq(RPC_TIMEOUT)))
			.willReturn(Mono.error(new MachineOfflineException("m1 is offline")));
		given(this.rest.archiveSession("s1")).willReturn(Mono.empty());
		this.launcher.stop("s1").block();
		verify(this.rpc).call("m1:stop-session", KEY, Map.of("sessionId", "s1"), RPC_TIMEOUT);
		verify(this.rpc, never()).call(eq("m2:stop-session"), any(), any(), any());
		verify(this.rest).archiveSession("s1");
	}

	private static MachineRecord machine(String id) {
		return new MachineRecord(id, "meta", 1, null, 0, null, true, 0, 0, 0);
	}

}
