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
import java.util.HashSet;
import java.util.Set;

import io.github.agentprotocols.happy.core.HappyEncryptionException;
import io.github.agentprotocols.happy.observation.TaskObservationContext;
import io.github.agentprotocols.happy.observation.TurnObservationContext;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.jspecify.annotations.Nullable;
import reactor.core.Disposable;
import reactor.core.Disposables;
import reactor.core.publisher.Mono;
import reactor.util.context.Context;
import reactor.util.context.ContextView;

/**
 * Runs a prompt as a task (spec §8.11): spawn, send, wait for the turn, stop; the session
 * is stopped whatever happens after the spawn (best effort), so a failure or a timeout
 * leaks no running agent. A task is observed, the parent of its spawn, its turn and the
 * calls that stop it.
 */
final class TaskRunner {

	private static final Log logger = LogFactory.getLog(TaskRunner.class);

	private final HappyRestClient rest;

	private final RecordKeys keys;

	private final SessionLauncher launcher;

	private final Prompts prompts;

	private final SessionWatcher watcher;

	private final SessionDirectory directory;

	private final HappyObservations observations;

	TaskRunner(HappyRestClient rest, RecordKeys keys, SessionLauncher launcher, Prompts prompts, SessionWatcher watcher,
			SessionDirectory directory, HappyObservations observations) {
		this.rest = rest;
		this.keys = keys;
		this.launcher = launcher;
		this.prompts = prompts;
		this.watcher = watcher;
		this.directory = directory;
		this.observations = observations;
	}

	/**
	 * Run a prompt.
	 * @param machineId the machine
	 * @param directory an absolute path on that machine
	 * @param prompt the prompt
	 * @param agent the agent
	 * @param timeout the deadline of the turn
	 * @param progress told of the session and its messages, if given
	 * @return the session's id; a {@link HappyEncryptionException} before spawning when
	 * the credentials could not open the new session
	 */
	Mono<String> run(String machineId, String directory, String prompt, Agent agent, Duration timeout,
			@Nullable TaskProgress progress) {
		return this.observations.task(() -> new TaskObservationContext(machineId, agent.wireValue()),
				(context) -> this.rest.machine(machineId).flatMap((machine) -> {
					this.keys.checkCanOpenSessionsOf(machine);
					return this.launcher.spawn(machineId, directory, SpawnOptions.DEFAULTS.withAgent(agent));
				})
					.doOnNext(context::setSessionId)
					.flatMap((sessionId) -> Mono
						.deferContextual((task) -> runSpawned(sessionId, prompt, timeout, progress, task))));
	}

	/**
	 * Send the prompt, wait for the turn and stop the session; the work that runs apart
	 * from the task's own chain (its live messages, a stop after a cancel) gets the
	 * task's Reactor context, and so its observation as parent.
	 */
	private Mono<String> runSpawned(String sessionId, String prompt, Duration timeout, @Nullable TaskProgress progress,
			ContextView task) {
		TaskMessages messages = (progress != null) ? new TaskMessages(sessionId, progress, task) : null;
		return ((messages != null) ? messages.follow() : Mono.<Void>empty())
			.then(this.observations.turn(() -> new TurnObservationContext(sessionId),
					(turn) -> this.prompts.send(sessionId, prompt, PermissionMode.YOLO)
						.flatMap((sent) -> this.watcher.awaitTurn(sessionId, sent, timeout))))
			.then((messages != null) ? messages.drain() : Mono.empty())
			.doFinally((signal) -> {
				if (messages != null) {
					messages.dispose();
				}
			})
			.then(this.launcher.stopQuietly(sessionId))
			.thenReturn(sessionId)
			.onErrorResume((ex) -> this.launcher.stopQuietly(sessionId).then(Mono.error(ex)))
			.doOnCancel(() -> this.launcher.stopQuietly(sessionId).contextWrite(task).subscribe());
	}

	/**
	 * Delivers the messages of a task's session to its progress: live from the spawn on,
	 * then, once the turn completed, whatever the live stream has not delivered yet; each
	 * message once.
	 */
	private final class TaskMessages {

		private final String sessionId;

		private final TaskProgress progress;

		private final Set<Long> delivered = new HashSet<>();

		private final Disposable.Swap live = Disposables.swap();

		private final ContextView task;

		TaskMessages(String sessionId, TaskProgress progress, ContextView task) {
			this.sessionId = sessionId;
			this.progress = progress;
			this.task = task;
		}

		/**
		 * Tell the progress the session's id and start delivering its messages.
		 */
		Mono<Void> follow() {
			return Mono.fromRunnable(() -> {
				this.progress.spawned(this.sessionId);
				this.live
					.update(TaskRunner.this.watcher.messages(this.sessionId, 0)
						.subscribe(this::deliver, (ex) -> logger
							.debug("The live messages of session " + this.sessionId + " stopped: " + ex.getMessage()),
								null, Context.of(this.task)));
			});
		}

		Mono<Void> drain() {
			return Mono.fromRunnable(this.live::dispose)
				.then(TaskRunner.this.directory.messages(this.sessionId))
				.doOnNext((messages) -> messages.forEach(this::deliver))
				.then();
		}

		void dispose() {
			this.live.dispose();
		}

		private synchronized void deliver(Message message) {
			if (this.delivered.add(message.seq())) {
				this.progress.message(message);
			}
		}

	}

}
