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
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import io.github.agentprotocols.commons.autoconfigure.AgentProtocolsAutoConfiguration;
import io.github.agentprotocols.lime.LimeLoginHandler;
import io.github.agentprotocols.lime.redis.LimeStreamLeadership;
import io.github.agentprotocols.lime.sse.LimeEventDispatcher;
import io.github.agentprotocols.lime.test.FakeLimeApi;
import io.github.agentprotocols.lime.test.FakeLimeApiExtension;
import io.github.agentprotocols.testsupport.VirtualThreads;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.integration.leader.event.OnGrantedEvent;
import org.springframework.integration.support.locks.DefaultLockRegistry;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * With {@code spring.threads.virtual.enabled=true}, the application's login handlers run
 * on virtual threads where the JVM has them (Java 21 and later), and on the platform
 * threads of before otherwise; so does the thread that holds the stream's lease.
 */
@ExtendWith(FakeLimeApiExtension.class)
class LimeVirtualThreadsTests {

	private static final Duration WAIT = Duration.ofSeconds(10);

	private final ApplicationContextRunner contextRunner = new ApplicationContextRunner()
		.withConfiguration(AutoConfigurations.of(AgentProtocolsAutoConfiguration.class, LimeAutoConfiguration.class));

	@Test
	void handlersRunOnVirtualThreadsWhenTheApplicationDoesAndTheJvmHasThem(FakeLimeApi fake) throws Exception {
		Thread handlerThread = handlerThread(fake, "spring.threads.virtual.enabled=true");
		assertThat(VirtualThreads.isVirtual(handlerThread)).isEqualTo(VirtualThreads.available());
		if (VirtualThreads.available()) {
			assertThat(handlerThread.getName()).startsWith("lime-handler-");
		}
	}

	@Test
	void handlersRunOnPlatformThreadsByDefault(FakeLimeApi fake) throws Exception {
		Thread handlerThread = handlerThread(fake, "spring.threads.virtual.enabled=false");
		assertThat(VirtualThreads.isVirtual(handlerThread)).isFalse();
		assertThat(handlerThread.getName()).startsWith("boundedElastic-");
	}

	@Test
	void theLeaseIsHeldOnAVirtualThreadWhenAskedWhereTheJvmHasThem(FakeLimeApi fake) throws Exception {
		assertThat(VirtualThreads.isVirtual(leaseThread(fake, VirtualThreads.available())))
			.isEqualTo(VirtualThreads.available());
		assertThat(VirtualThreads.isVirtual(leaseThread(fake, false))).isFalse();
	}

	private Thread handlerThread(FakeLimeApi fake, String virtualThreads) throws Exception {
		CompletableFuture<Thread> thread = new CompletableFuture<>();
		LimeLoginHandler handler = (requestId, passportJwt) -> thread.complete(Thread.currentThread());
		this.contextRunner
			.withPropertyValues("lime.site.api-base=" + fake.baseUrl(), "lime.site.token=" + fake.siteToken(),
					virtualThreads)
			.withBean(LimeLoginHandler.class, () -> handler)
			.run((context) -> {
				await().atMost(WAIT).until(() -> fake.openStreams() > 0);
				fake.emitExpired(fake.createLoginRequestDirectly());
				thread.get(WAIT.toSeconds(), TimeUnit.SECONDS);
			});
		return thread.getNow(null);
	}

	private Thread leaseThread(FakeLimeApi fake, boolean virtualThreads) throws Exception {
		CompletableFuture<Thread> thread = new CompletableFuture<>();
		LimeEventDispatcher dispatcher = LimeEventDispatcher.builder(fake.siteToken()).apiBase(fake.baseUrl()).build();
		LimeStreamLeadership leadership = new LimeStreamLeadership(new DefaultLockRegistry(), dispatcher,
				Duration.ofSeconds(3), (event) -> {
					if (event instanceof OnGrantedEvent) {
						thread.complete(Thread.currentThread());
					}
				});
		leadership.setVirtualThreads(virtualThreads);
		leadership.start();
		try {
			return thread.get(WAIT.toSeconds(), TimeUnit.SECONDS);
		}
		finally {
			leadership.stop();
		}
	}

}
