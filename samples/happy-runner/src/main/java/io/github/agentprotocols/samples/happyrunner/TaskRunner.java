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

package io.github.agentprotocols.samples.happyrunner;

import java.io.PrintStream;
import java.util.ArrayList;
import java.util.List;

import io.github.agentprotocols.happy.core.HappyException;
import io.github.agentprotocols.happy.Message;
import io.github.agentprotocols.happy.ReactiveHappyClient;
import io.github.agentprotocols.happy.TaskProgress;
import org.jspecify.annotations.Nullable;

import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.ExitCodeGenerator;

/**
 * Runs the task with the client's {@code runTask} (spec §8.11): it spawns a session,
 * sends the prompt, waits for the turn to complete and stops the session, whatever
 * happened after the spawn, and refuses before spawning when the credentials could not
 * open the new session. Meanwhile its progress prints every message of the session as it
 * is stored, one {@link MessageLine} each. The exit code is 0 once the session is
 * stopped, 1 after a {@link HappyException} and 2 when the task or the credentials are
 * missing; each failure is one line on the error stream.
 */
class TaskRunner implements ApplicationRunner, ExitCodeGenerator {

	private final @Nullable ReactiveHappyClient client;

	private final HappyRunnerProperties task;

	private final PrintStream out;

	private final PrintStream err;

	private int exitCode;

	TaskRunner(@Nullable ReactiveHappyClient client, HappyRunnerProperties task, PrintStream out, PrintStream err) {
		this.client = client;
		this.task = task;
		this.out = out;
		this.err = err;
	}

	@Override
	public void run(ApplicationArguments args) {
		List<String> missing = new ArrayList<>();
		String machineId = required(this.task.machineId(), "happy-runner.machine-id", missing);
		String directory = required(this.task.directory(), "happy-runner.directory", missing);
		String prompt = required(this.task.prompt(), "happy-runner.prompt", missing);
		if (!missing.isEmpty()) {
			fail(2, "Missing " + String.join(", ", missing) + " (give them as --name=value arguments)");
			return;
		}
		if (this.client == null) {
			fail(2, "No Happy credentials: set HAPPY_TOKEN and HAPPY_SECRET (and HAPPY_SERVER_URL), or keep them "
					+ "in ~/.happy/agent.key, or run with the fake profile");
			return;
		}
		try {
			String sessionId = runTask(this.client, machineId, directory, prompt);
			this.out.println("Task complete: session " + sessionId);
		}
		catch (HappyException ex) {
			fail(1, ex.getClass().getSimpleName() + ": " + ex.getMessage());
		}
	}

	private String runTask(ReactiveHappyClient client, String machineId, String directory, String prompt) {
		this.out.println("Spawning a " + this.task.agent().wireValue() + " session on machine " + machineId + " in "
				+ directory);
		String sessionId = client
			.runTask(machineId, directory, prompt, this.task.agent(), this.task.timeout(), new TaskProgress() {

				@Override
				public void spawned(String sessionId) {
					TaskRunner.this.out.println("Spawned session " + sessionId);
				}

				@Override
				public void message(Message message) {
					TaskRunner.this.out.println("  " + MessageLine.of(message));
				}

			})
			.block();
		this.out.println("Turn completed");
		this.out.println("Stopped session " + sessionId);
		return sessionId;
	}

	private void fail(int exitCode, String message) {
		this.exitCode = exitCode;
		this.err.println("Error: " + message.strip().replaceAll("\\s+", " "));
	}

	private static String required(@Nullable String value, String name, List<String> missing) {
		if (value == null || value.isBlank()) {
			missing.add(name);
			return "";
		}
		return value;
	}

	@Override
	public int getExitCode() {
		return this.exitCode;
	}

}
