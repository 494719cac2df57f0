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

package io.github.agentprotocols.testsupport;

import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;

import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.BeanCreationException;
import org.springframework.context.support.GenericApplicationContext;
import org.springframework.core.env.EnumerablePropertySource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;

/**
 * {@link BackgroundStart}: what a context takes from a start is there at once, waits for
 * the start when read, and is closed with the context in every case.
 */
class BackgroundStartTests {

	private final List<String> closed = new CopyOnWriteArrayList<>();

	@Test
	void propertyNamesAreThereAtOnceAndAValueWaitsForTheStart() throws Exception {
		CountDownLatch release = new CountDownLatch(1);
		AtomicReference<String> startedOn = new AtomicReference<>();
		try (GenericApplicationContext context = new GenericApplicationContext()) {
			BackgroundStart<String> start = BackgroundStart.begin("fake server", () -> {
				startedOn.set(Thread.currentThread().getName());
				await(release);
				return "http://127.0.0.1:1234";
			});
			start.addPropertiesFirst(context, "fake", (url) -> Map.of("fake.url", url), "fake.url");
			EnumerablePropertySource<?> source = (EnumerablePropertySource<?>) context.getEnvironment()
				.getPropertySources()
				.get("fake");
			assertThat(source.getPropertyNames()).containsExactly("fake.url");
			assertThat(source.getProperty("other")).isNull();
			release.countDown();
			assertThat(context.getEnvironment().getProperty("fake.url")).isEqualTo("http://127.0.0.1:1234");
			assertThat(startedOn.get()).isEqualTo("fake-server-start");
		}
	}

	@Test
	void beansComeFromTheStartAndItClosesWithTheContextAfterItsBeans() {
		GenericApplicationContext context = new GenericApplicationContext();
		BackgroundStart<String> server = BackgroundStart.begin("fake server", () -> "server");
		server.closeWith(context, "serverStart", this.closed::add);
		server.registerBean(context, "server", String.class, (started) -> started + " bean");
		BackgroundStart<String> daemon = server.then("fake daemon", (started) -> "daemon of " + started);
		daemon.closeWith(context, "daemonStart", this.closed::add);
		context.refresh();
		assertThat(context.getBean("server", String.class)).isEqualTo("server bean");
		assertThat(daemon.await()).isEqualTo("daemon of server");
		context.close();
		assertThat(this.closed).containsExactly("daemon of server", "server");
	}

	@Test
	void contextThatFailsToStartClosesWhatStartedBeforeItsBeanWasCreated() {
		GenericApplicationContext context = new GenericApplicationContext();
		context.registerBean("broken", Object.class, () -> {
			throw new IllegalStateException("broken");
		});
		BackgroundStart<String> server = BackgroundStart.begin("fake server", () -> "server");
		server.closeWith(context, "serverStart", this.closed::add);
		server.registerBean(context, "server", String.class, (started) -> started);
		assertThatExceptionOfType(BeanCreationException.class).isThrownBy(context::refresh);
		assertThat(this.closed).containsExactly("server");
	}

	@Test
	void failedStartFailsEveryReadAndClosesNothing() {
		GenericApplicationContext context = new GenericApplicationContext();
		BackgroundStart<String> server = BackgroundStart.begin("fake server", () -> {
			throw new IllegalArgumentException("no port");
		});
		server.closeWith(context, "serverStart", this.closed::add);
		server.addPropertiesFirst(context, "fake", (url) -> Map.of("fake.url", url), "fake.url");
		BackgroundStart<String> daemon = server.then("fake daemon", (started) -> "daemon");
		assertThatIllegalStateException().isThrownBy(() -> context.getEnvironment().getProperty("fake.url"))
			.withMessage("The fake server did not start")
			.withRootCauseInstanceOf(IllegalArgumentException.class);
		assertThatIllegalStateException().isThrownBy(daemon::await)
			.withMessage("The fake daemon did not start")
			.withRootCauseExactlyInstanceOf(IllegalArgumentException.class);
		context.getBeanFactory().destroySingletons();
		assertThat(this.closed).isEmpty();
	}

	private static void await(CountDownLatch latch) {
		try {
			assertThat(latch.await(30, TimeUnit.SECONDS)).isTrue();
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
	}

}
