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
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import io.github.agentprotocols.appcontrol.ServiceRequest;
import io.github.agentprotocols.appcontrol.ServiceResponse;
import io.github.agentprotocols.appcontrol.ToolCommand;
import io.github.agentprotocols.appcontrol.ToolObservation;
import io.github.agentprotocols.appcontrol.ToolStatus;
import io.github.agentprotocols.appcontrol.autoconfigure.AppControlAutoConfiguration;
import io.github.agentprotocols.appcontrol.client.AppControlClient;
import io.github.agentprotocols.appcontrol.client.ToolObserver;
import io.github.agentprotocols.appcontrol.schema.ProtocolSchemas;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.runner.ReactiveWebApplicationContextRunner;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The host's background work ends with its application context: submitted commands are
 * cancelled, client calls in progress interrupted and the host's threads stopped.
 */
class AppControlServiceHostLifecycleTests {

	private static final Duration PATIENCE = Duration.ofSeconds(30);

	private final BlockingTool tool = new BlockingTool();

	private final List<Thread> threadsOfOtherHosts = hostThreads();

	private final ReactiveWebApplicationContextRunner runner = new ReactiveWebApplicationContextRunner()
		.withConfiguration(AutoConfigurations.of(AppControlAutoConfiguration.class))
		.withBean(AppControlClient.class, () -> this.tool)
		.withPropertyValues("app-control.service.enabled=true", "app-control.service.token=test-service-token",
				"app-control.service.command-timeout=10m");

	@Test
	void closingTheContextInterruptsSubmittedCommandsAndStopsTheHostsThreads() throws InterruptedException {
		CompletableFuture<ServiceResponse> submitted = new CompletableFuture<>();
		this.runner.run((context) -> {
			context.getBean(AppControlServiceHost.class)
				.submit(ServiceRequest.submit(command("cmd_submitted"), "req_submitted", "test-service-token"))
				.subscribe(submitted::complete, submitted::completeExceptionally);
			assertThat(this.tool.started.await(PATIENCE.toSeconds(), TimeUnit.SECONDS)).isTrue();
			assertThat(threadsOfThisHost()).isNotEmpty();
		});
		assertThat(this.tool.interrupted.await(PATIENCE.toSeconds(), TimeUnit.SECONDS)).isTrue();
		assertThat(this.tool.interruptedCommands).containsExactly("cmd_submitted");
		ServiceResponse answer = submitted.join();
		assertThat(answer.requestId()).isEqualTo("req_submitted");
		assertThat(answer.observationModel().status()).isEqualTo(ToolStatus.FAILED);
		assertNoHostThreadIsLeft();
	}

	@Test
	void closingTheContextEndsOpenStreamsWithAFailedObservation() throws InterruptedException {
		List<Map<String, Object>> envelopes = new CopyOnWriteArrayList<>();
		CountDownLatch completed = new CountDownLatch(1);
		this.runner.run((context) -> {
			context.getBean(AppControlServiceHost.class)
				.stream(ServiceRequest.stream(command("cmd_streamed"), "test-service-token"))
				.subscribe(envelopes::add, (ex) -> {
				}, completed::countDown);
			assertThat(this.tool.started.await(PATIENCE.toSeconds(), TimeUnit.SECONDS)).isTrue();
		});
		assertThat(completed.await(PATIENCE.toSeconds(), TimeUnit.SECONDS)).isTrue();
		Map<String, Object> last = envelopes.get(envelopes.size() - 1);
		ProtocolSchemas.shared().validateProtocolPayload("service_response", last);
		ToolObservation observation = ServiceResponse.fromMap(last).observationModel();
		assertThat(observation.status()).isEqualTo(ToolStatus.FAILED);
		assertThat(observation.commandId()).isEqualTo("cmd_streamed");
		assertNoHostThreadIsLeft();
	}

	private static ToolCommand command(String commandId) {
		return new ToolCommand(commandId, "macos.computer_use", "wait", null, null);
	}

	private void assertNoHostThreadIsLeft() throws InterruptedException {
		for (Thread thread : threadsOfThisHost()) {
			thread.join(PATIENCE.toMillis());
		}
		assertThat(threadsOfThisHost()).isEmpty();
	}

	private List<Thread> threadsOfThisHost() {
		return hostThreads().stream().filter((thread) -> !this.threadsOfOtherHosts.contains(thread)).toList();
	}

	private static List<Thread> hostThreads() {
		return Thread.getAllStackTraces()
			.keySet()
			.stream()
			.filter((thread) -> thread.getName().startsWith(AppControlServiceHost.THREAD_NAME_PREFIX))
			.filter(Thread::isAlive)
			.toList();
	}

	/**
	 * A tool whose commands block until they are interrupted.
	 */
	static class BlockingTool implements AppControlClient {

		final CountDownLatch started = new CountDownLatch(1);

		final CountDownLatch interrupted = new CountDownLatch(1);

		final List<String> interruptedCommands = new CopyOnWriteArrayList<>();

		@Override
		public ToolObservation runCommand(ToolCommand command, @Nullable ToolObserver observer) {
			this.started.countDown();
			try {
				new CountDownLatch(1).await();
				throw new IllegalStateException("unreachable");
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
				this.interruptedCommands.add(command.commandId());
				this.interrupted.countDown();
				throw new IllegalStateException("interrupted", ex);
			}
		}

	}

}
