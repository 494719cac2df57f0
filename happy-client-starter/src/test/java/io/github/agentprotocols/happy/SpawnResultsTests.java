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

import java.util.List;
import java.util.Map;

import io.github.agentprotocols.testsupport.SpecItem;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

class SpawnResultsTests {

	@SpecItem("HAPPY-8.5.1")
	@Test
	void successGivesTheSessionId() {
		assertThat(SpawnResults.sessionId("m1", new RpcOutcome.Answered(Map.of("type", "success", "sessionId", "s1"))))
			.isEqualTo("s1");
	}

	@SpecItem("HAPPY-8.5.3")
	@Test
	void methodNotAvailableMeansTheMachineIsOffline() {
		assertThatExceptionOfType(MachineOfflineException.class)
			.isThrownBy(() -> SpawnResults.sessionId("m1", new RpcOutcome.Refused("RPC method not available")));
	}

	@SpecItem("HAPPY-8.5.3")
	@Test
	void targetDisconnectedMeansTheMachineIsOffline() {
		assertThatExceptionOfType(MachineOfflineException.class)
			.isThrownBy(() -> SpawnResults.sessionId("m1", new RpcOutcome.Refused("RPC target disconnected")));
	}

	@SpecItem("HAPPY-8.5.3")
	@Test
	void serverTimeoutIsASpawnFailure() {
		assertThatExceptionOfType(SpawnException.class)
			.isThrownBy(() -> SpawnResults.sessionId("m1", new RpcOutcome.Refused("operation has timed out")))
			.withMessageContaining("may still start");
	}

	@SpecItem("HAPPY-8.5.4")
	@Test
	void directoryApprovalRequestAsksForCreateDir() {
		assertThatExceptionOfType(SpawnRefusedException.class)
			.isThrownBy(() -> SpawnResults.sessionId("m1",
					new RpcOutcome.Answered(Map.of("type", "requestToApproveDirectoryCreation", "directory", "/nope"))))
			.withMessageContaining("/nope")
			.withMessageContaining("createDir");
	}

	@SpecItem("HAPPY-8.5.4")
	@Test
	void errorResultsCarryTheDaemonsMessage() {
		assertThatExceptionOfType(SpawnException.class)
			.isThrownBy(() -> SpawnResults.sessionId("m1",
					new RpcOutcome.Answered(Map.of("error", "Session webhook timeout for PID 7"))))
			.isNotInstanceOf(SpawnRefusedException.class)
			.withMessageContaining("Session webhook timeout for PID 7");
		assertThatExceptionOfType(SpawnRefusedException.class)
			.isThrownBy(() -> SpawnResults.sessionId("m1",
					new RpcOutcome.Answered(Map.of("type", "error", "errorMessage", "Directory is required"))))
			.withMessageContaining("Directory is required");
	}

	@SpecItem("HAPPY-8.5.4")
	@Test
	void errorsAboutTheRequestAreRefusals() {
		for (String error : List.of("Directory is required", "Unsupported agent type: 'x'. Please update your CLI",
				"Unable to create directory at '/root/x'. EACCES")) {
			assertThatExceptionOfType(SpawnRefusedException.class)
				.isThrownBy(() -> SpawnResults.sessionId("m1", new RpcOutcome.Answered(Map.of("error", error))))
				.withMessageContaining(error);
		}
		for (String error : List.of("Failed to spawn session: ENOENT", "Session webhook timeout for PID 7")) {
			assertThatExceptionOfType(SpawnException.class)
				.isThrownBy(() -> SpawnResults.sessionId("m1", new RpcOutcome.Answered(Map.of("error", error))))
				.isNotInstanceOf(SpawnRefusedException.class);
		}
		assertThatExceptionOfType(SpawnException.class)
			.isThrownBy(() -> SpawnResults.sessionId("m1", new RpcOutcome.Refused("Directory is required")))
			.isNotInstanceOf(SpawnRefusedException.class);
	}

	@SpecItem("HAPPY-8.5.4")
	@Test
	void otherResultsAreInvalidOrUnexpected() {
		assertThatExceptionOfType(SpawnException.class)
			.isThrownBy(() -> SpawnResults.sessionId("m1", new RpcOutcome.Answered("text")))
			.withMessageContaining("invalid data");
		assertThatExceptionOfType(SpawnException.class)
			.isThrownBy(() -> SpawnResults.sessionId("m1", new RpcOutcome.Answered(Map.of("type", "other"))))
			.withMessageContaining("unexpected data");
	}

}
