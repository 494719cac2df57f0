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

import java.time.Duration;

import io.github.agentprotocols.appcontrol.PythonWhitespace;
import io.github.agentprotocols.appcontrol.QuotedText;
import io.github.agentprotocols.appcontrol.ToolCommand;
import io.github.agentprotocols.appcontrol.ToolError;
import io.github.agentprotocols.appcontrol.ToolEvent;
import io.github.agentprotocols.appcontrol.ToolObservation;
import io.github.agentprotocols.appcontrol.ToolStatus;
import io.github.agentprotocols.appcontrol.client.AppControlClient;
import io.github.agentprotocols.appcontrol.client.AppControlTransportException;
import io.github.agentprotocols.appcontrol.client.ToolEvents;
import io.micrometer.observation.Observation;
import java.util.concurrent.ThreadFactory;
import org.jspecify.annotations.Nullable;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Scheduler;
import reactor.core.scheduler.Schedulers;

/**
 * Runs the service host's commands on its {@link AppControlClient}: on bounded elastic
 * threads of its own (named {@value AppControlServiceHost#THREAD_NAME_PREFIX}-N), under
 * the command's {@code timeoutMs} or the host's default deadline, and answers a client
 * that fails, or a deadline that passes, with the failed or timed-out observation the
 * wire carries. The client runs in the scope of the command's observation, which records
 * its failure.
 */
final class CommandRunner implements AutoCloseable {

	private static final int THREAD_TIME_TO_LIVE_SECONDS = 60;

	/** The longest deadline a timer can hold: {@code Long.MAX_VALUE} nanoseconds. */
	private static final long MAX_DEADLINE_MILLIS = Long.MAX_VALUE / 1_000_000;

	private final AppControlClient client;

	private final Duration commandTimeout;

	private final Scheduler scheduler;

	/**
	 * A runner with threads of its own until it is closed.
	 * @param client the client that runs commands
	 * @param commandTimeout the deadline of commands without {@code timeoutMs}
	 */
	CommandRunner(AppControlClient client, Duration commandTimeout, @Nullable ThreadFactory threads) {
		this.client = client;
		this.commandTimeout = commandTimeout;
		this.scheduler = (threads != null)
				? Schedulers.newBoundedElastic(Schedulers.DEFAULT_BOUNDED_ELASTIC_SIZE,
						Schedulers.DEFAULT_BOUNDED_ELASTIC_QUEUESIZE, threads, THREAD_TIME_TO_LIVE_SECONDS)
				: Schedulers.newBoundedElastic(Schedulers.DEFAULT_BOUNDED_ELASTIC_SIZE,
						Schedulers.DEFAULT_BOUNDED_ELASTIC_QUEUESIZE, AppControlServiceHost.THREAD_NAME_PREFIX,
						THREAD_TIME_TO_LIVE_SECONDS, true);
	}

	/**
	 * Runs a command.
	 * @param command the command
	 * @param observation the command's started observation
	 * @return the client's observation, or a failed or timed-out one
	 */
	Mono<ToolObservation> run(ToolCommand command, Observation observation) {
		Duration deadline = deadline(command);
		return Mono.fromCallable(() -> {
			try (Observation.Scope scope = observation.openScope()) {
				return this.client.runCommand(command);
			}
		})
			.subscribeOn(this.scheduler)
			.timeout(deadline, Mono.fromSupplier(() -> timedOut(command, deadline)))
			.onErrorResume((ex) -> Mono.just(failed(command, ex, observation)));
	}

	/**
	 * Runs a command and reads its events, in the order the wire has them
	 * ({@link StreamEventOrder}).
	 * @param command the command
	 * @param observation the command's started observation
	 * @return the events, the last of them the only {@code observation} event
	 */
	Flux<ToolEvent> stream(ToolCommand command, Observation observation) {
		Duration deadline = deadline(command);
		Flux<ToolEvent> events = ServiceObservations.scoped(observation, ToolEvents.stream(this.client, command))
			.subscribeOn(this.scheduler)
			.takeUntilOther(Mono.delay(deadline));
		return StreamEventOrder.of(events, command, (ex) -> failed(command, ex, observation),
				() -> timedOut(command, deadline));
	}

	/**
	 * Interrupts the client calls in progress and stops the runner's threads; commands
	 * run afterwards end with a failed observation.
	 */
	@Override
	public void close() {
		this.scheduler.dispose();
	}

	private Duration deadline(ToolCommand command) {
		return (command.timeoutMs() != null) ? Duration.ofMillis(Math.min(command.timeoutMs(), MAX_DEADLINE_MILLIS))
				: this.commandTimeout;
	}

	private static ToolObservation failed(ToolCommand command, Throwable ex, Observation observation) {
		observation.error(ex);
		return failure(command, ex);
	}

	private static ToolObservation timedOut(ToolCommand command, Duration deadline) {
		ToolError error = new ToolError("timeout", "command timed out after " + deadline.toMillis() + " ms", true, null,
				"execution", command.operation(), null);
		return ToolObservation.failure(command.commandId(), command.tool(), command.operation(), ToolStatus.TIMEOUT,
				error);
	}

	/**
	 * The observation of a command that failed: {@code not_ready} when its tool could not
	 * be reached, {@code failed} otherwise. Its message is the failure's, with lone
	 * surrogates escaped, or the failure's class name when it has none but white space.
	 * @param command the command
	 * @param ex the failure
	 * @return the observation
	 */
	static ToolObservation failure(ToolCommand command, Throwable ex) {
		boolean transport = ex instanceof AppControlTransportException;
		String message = (ex.getMessage() != null && !PythonWhitespace.strip(ex.getMessage()).isEmpty())
				? QuotedText.escaped(ex.getMessage()) : className(ex);
		ToolError error = new ToolError(transport ? "transport_error" : "execution_failed", message, transport, null,
				"execution", command.operation(), null);
		return ToolObservation.failure(command.commandId(), command.tool(), command.operation(),
				transport ? ToolStatus.NOT_READY : ToolStatus.FAILED, error);
	}

	/**
	 * The simple name, or the full one for an anonymous class, which has no simple name.
	 */
	private static String className(Throwable ex) {
		String simpleName = ex.getClass().getSimpleName();
		return simpleName.isEmpty() ? ex.getClass().getName() : simpleName;
	}

}
