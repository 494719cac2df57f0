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

package io.github.agentprotocols.appcontrol.service;

import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicInteger;

import io.github.agentprotocols.appcontrol.ToolCommand;
import io.github.agentprotocols.appcontrol.ToolError;
import io.github.agentprotocols.appcontrol.ToolEvent;
import io.github.agentprotocols.appcontrol.ToolEventType;
import io.github.agentprotocols.appcontrol.ToolObservation;
import io.github.agentprotocols.appcontrol.ToolStatus;
import io.github.agentprotocols.appcontrol.client.AppControlClient;
import io.github.agentprotocols.appcontrol.client.ToolEvents;
import io.github.agentprotocols.appcontrol.client.ToolObserver;
import org.jspecify.annotations.Nullable;

/**
 * A desktop tool double: {@code open_app} reports progress and opens the app from
 * {@code input.app}; {@code sleep} waits {@code input.millis}; {@code gate} waits until
 * the test {@link #open opens} the gate of its command id; {@code deny} fails with a
 * policy error; {@code crash} throws. It counts its runs and keeps the ids of the
 * commands it ran.
 */
class FakeDesktopTool implements AppControlClient {

	final AtomicInteger runs = new AtomicInteger();

	final Set<String> ran = ConcurrentHashMap.newKeySet();

	private final Map<String, CountDownLatch> gates = new ConcurrentHashMap<>();

	void open(String commandId) {
		gate(commandId).countDown();
	}

	private CountDownLatch gate(String commandId) {
		return this.gates.computeIfAbsent(commandId, (id) -> new CountDownLatch(1));
	}

	@Override
	public ToolObservation runCommand(ToolCommand command, @Nullable ToolObserver observer) {
		this.runs.incrementAndGet();
		this.ran.add(command.commandId());
		switch (command.operation()) {
			case "open_app" -> ToolEvents.deliver(observer, new ToolEvent(command.commandId(), 1,
					ToolEventType.PROGRESS, "launch", ToolStatus.OK, "Launch requested.", command.input()));
			case "sleep" -> sleep(((Number) command.input().get("millis")).longValue());
			case "gate" -> await(gate(command.commandId()));
			case "deny" -> {
				return ToolObservation.failure(command.commandId(), command.tool(), command.operation(),
						ToolStatus.FAILED,
						new ToolError("app_not_allowed", "App is not allowlisted.", false,
								"Add the app to allowed_apps.", "policy", command.operation(),
								Map.of("app", "Messages")));
			}
			case "crash" -> throw new IllegalStateException("backend crashed");
			default -> {
			}
		}
		return ToolObservation.ok(command.commandId(), command.tool(), command.operation(),
				"Done: " + command.operation(), command.input());
	}

	private static void await(CountDownLatch gate) {
		try {
			gate.await();
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
	}

	private static void sleep(long millis) {
		try {
			Thread.sleep(millis);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
	}

}
