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

package io.github.agentprotocols.lime.autoconfigure;

import java.time.Duration;

import io.github.agentprotocols.commons.autoconfigure.AgentProtocolsAutoConfiguration;
import io.github.agentprotocols.testsupport.SpecItem;
import io.github.agentprotocols.lime.context.LimeEventDispatcherLifecycle;
import io.github.agentprotocols.lime.sse.LimeConnectionState.Status;
import io.github.agentprotocols.lime.sse.LimeEventDispatcher;
import io.github.agentprotocols.lime.test.Endpoint;
import io.github.agentprotocols.lime.test.FakeLimeApi;
import io.github.agentprotocols.lime.test.FakeLimeApiExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The event stream lives as long as the application context: opened once it is refreshed,
 * closed promptly when it closes, also while waiting to reconnect.
 */
@ExtendWith(FakeLimeApiExtension.class)
class LimeDispatcherLifecycleTests {

	private static final Duration WAIT = Duration.ofSeconds(10);

	/**
	 * Far more than closing the context may take; a close that waited for the reconnect
	 * delay would take the whole minute.
	 */
	private static final Duration PROMPT = Duration.ofSeconds(5);

	private final ApplicationContextRunner runner = new ApplicationContextRunner()
		.withConfiguration(AutoConfigurations.of(AgentProtocolsAutoConfiguration.class, LimeAutoConfiguration.class));

	@Test
	@SpecItem("LIME-7.stop_cancels_run")
	@SpecItem("LIME-7.context_manager")
	@SpecItem("LIME-8.11")
	void streamOpensWithTheContextAndClosesWithIt(FakeLimeApi fake) {
		site(fake).run((context) -> {
			LimeEventDispatcher dispatcher = context.getBean(LimeEventDispatcher.class);
			await().atMost(WAIT).until(() -> dispatcher.getState().status() == Status.CONNECTED);
			assertThat(fake.openStreams()).isOne();
			assertThat(context.getBean(LimeEventDispatcherLifecycle.class).isRunning()).isTrue();
			long start = System.nanoTime();
			context.close();
			assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(PROMPT);
			assertThat(dispatcher.isRunning()).isFalse();
			assertThat(dispatcher.getState().status()).isEqualTo(Status.STOPPED);
			await().atMost(WAIT).until(() -> fake.openStreams() == 0);
		});
	}

	@Test
	@SpecItem("LIME-7.stopped_after_stream_error_breaks")
	@SpecItem("LIME-8.11")
	void closingDuringAReconnectWaitReturnsPromptly(FakeLimeApi fake) {
		fake.faults().failNext(Endpoint.EVENTS, 1000, 503);
		site(fake).withPropertyValues("lime.site.sse.backoff-base=60s", "lime.site.sse.max-backoff=60s")
			.run((context) -> {
				LimeEventDispatcher dispatcher = context.getBean(LimeEventDispatcher.class);
				await().atMost(WAIT).until(() -> dispatcher.getState().status() == Status.RECONNECTING);
				long start = System.nanoTime();
				context.close();
				assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(PROMPT);
				assertThat(dispatcher.getState().status()).isEqualTo(Status.STOPPED);
			});
	}

	private ApplicationContextRunner site(FakeLimeApi fake) {
		return this.runner.withPropertyValues("lime.site.api-base=" + fake.baseUrl(),
				"lime.site.token=" + fake.siteToken());
	}

}
