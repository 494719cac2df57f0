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

package io.github.agentprotocols.happy.docs;

import java.time.Duration;

import io.github.agentprotocols.happy.Agent;
import io.github.agentprotocols.happy.HappyClient;
import io.github.agentprotocols.happy.PermissionMode;
import io.github.agentprotocols.happy.ReactiveHappyClient;
import io.github.agentprotocols.happy.SpawnOptions;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import reactor.core.Disposable;

/**
 * The reference page's examples of the clients used without Spring, compiled.
 */
final class StepByStep {

	private static final Logger log = LoggerFactory.getLogger(StepByStep.class);

	private StepByStep() {
	}

	static void blocking() {
		// tag::blocking[]
		// HAPPY_TOKEN, HAPPY_SECRET and HAPPY_SERVER_URL from the environment
		try (HappyClient happy = HappyClient.fromEnv()) {
			String machineId = happy.listMachines().get(0).id();
			String sessionId = happy.spawnSession(machineId, "/home/me/project",
					SpawnOptions.DEFAULTS.withName("Nightly build").withAgent(Agent.CLAUDE));
			happy.sendMessage(sessionId, "Run the tests", PermissionMode.ACCEPT_EDITS);
			happy.waitForTurnCompletion(sessionId, Duration.ofMinutes(10));
			happy.getMessages(sessionId)
				.forEach((message) -> System.out.println(message.role() + " " + message.content()));
			happy.stopSession(sessionId);
		}
		// end::blocking[]
	}

	static Disposable liveMessages(ReactiveHappyClient happy, String sessionId) {
		// tag::live-messages[]
		Disposable live = happy.messages(sessionId)
			.filter((message) -> !"user".equals(message.role()))
			.takeUntilOther(happy.waitForTurnCompletion(sessionId).thenReturn(true))
			.subscribe((message) -> log.info("{}: {}", message.seq(), message.content()));
		// end::live-messages[]
		return live;
	}

}
