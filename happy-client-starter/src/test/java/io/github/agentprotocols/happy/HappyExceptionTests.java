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

import java.nio.file.Path;
import java.util.List;

import io.github.agentprotocols.happy.core.HappyAuthenticationException;
import io.github.agentprotocols.happy.core.HappyEncryptionException;
import io.github.agentprotocols.happy.core.HappyException;
import io.github.agentprotocols.happy.core.HappyKeyFilePermissionsException;
import io.github.agentprotocols.testsupport.SpecItem;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class HappyExceptionTests {

	@SpecItem("HAPPY-10.13")
	@Test
	void everyExceptionIsAnUncheckedHappyException() {
		List<HappyException> all = List.of(new HappyAuthenticationException("a"), new MachineOfflineException("b"),
				new SessionNotFoundException("s1"), new SpawnException("c"), new HappyTimeoutException("d"),
				new HappyEncryptionException("e"), new HappyConnectionException("f"), new MetadataUpdateException("g"),
				new MetadataConflictException("h", "s1"),
				new HappyKeyFilePermissionsException(Path.of("agent.key"), "rw-r--r--"),
				new InsecureServerUrlException("http://happy.example.com"), new MachineNotFoundException("m1"),
				new SpawnRefusedException("i"));
		assertThat(all).allSatisfy((exception) -> assertThat(exception).isInstanceOf(RuntimeException.class));
		assertThat(all).extracting((exception) -> exception.getClass().getSimpleName()).doesNotHaveDuplicates();
	}

	@SpecItem("HAPPY-10.5")
	@Test
	void sessionNotFoundNamesTheSession() {
		SessionNotFoundException exception = new SessionNotFoundException("cm123", new IllegalStateException("404"));
		assertThat(exception).hasMessage("Session not found: cm123").hasCauseInstanceOf(IllegalStateException.class);
		assertThat(exception.sessionId()).isEqualTo("cm123");
	}

	@SpecItem("HAPPY-10.4")
	@Test
	void machineNotFoundNamesTheMachine() {
		MachineNotFoundException exception = new MachineNotFoundException("m1");
		assertThat(exception).hasMessage("Machine not found: m1");
		assertThat(exception.machineId()).isEqualTo("m1");
	}

	@Test
	void spawnRefusalIsASpawnFailure() {
		assertThat(new SpawnRefusedException("Directory is required")).isInstanceOf(SpawnException.class);
	}

	@Test
	void metadataConflictIsAMetadataUpdateFailureCarryingTheSession() {
		MetadataUpdateException exception = new MetadataConflictException("too many version-mismatch acks", "cm1");
		assertThat(exception.sessionId()).isEqualTo("cm1");
		assertThat(new MetadataUpdateException("no ack").sessionId()).isNull();
	}

}
