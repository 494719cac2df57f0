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

package io.github.agentprotocols.hpp.redis;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

import io.github.agentprotocols.hpp.wire.HandshakeEvent;
import io.github.agentprotocols.testsupport.TracedLettuce;
import io.github.agentprotocols.testsupport.UsesRedis;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import reactor.core.Disposable;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A session watched for a moment only (a WebSocket client that leaves as it connects)
 * drops no error, with Lettuce traced by Micrometer as Spring Boot's tracing does it: the
 * session's channel, closed once its last watcher left, cancelled its Redis subscription
 * while the {@code SUBSCRIBE} was on its way, and Lettuce's span, stopped before it had
 * started, made Micrometer throw into the cancel ({@code Timer$Sample} missing; the ninth
 * and twelfth wire rounds each logged it).
 */
@UsesRedis
class AbandonedWatchTests {

	private final RedisTestConnections connections = new RedisTestConnections();

	private final TracedLettuce lettuce = new TracedLettuce();

	private RedisSessionBroadcast broadcast;

	@AfterEach
	void close() {
		if (this.broadcast != null) {
			this.broadcast.destroy();
		}
		this.connections.close();
		this.lettuce.close();
	}

	@Test
	void watchesLeftAsTheyBeginDropNoError() throws InterruptedException {
		this.broadcast = new RedisSessionBroadcast(this.connections.factory(this.lettuce.clientConfiguration()),
				Duration.ofSeconds(5), this.connections.keys, Duration.ZERO, Duration.ofMinutes(5));
		this.broadcast.start();
		for (int i = 0; i < 3000; i++) {
			Disposable watch = this.broadcast.subscribe("s" + (i % 50)).subscribe();
			long until = System.nanoTime() + (i % 100) * 20_000L;
			while (System.nanoTime() < until) {
				Thread.onSpinWait();
			}
			watch.dispose();
		}
		BlockingQueue<HandshakeEvent> seen = new LinkedBlockingQueue<>();
		Disposable watch = this.broadcast.subscribe("s0", HandshakeEvent.heartbeat()).subscribe(seen::add);
		try {
			assertThat(seen.poll(10, TimeUnit.SECONDS)).isNotNull();
			this.broadcast.publish("s0", HandshakeEvent.extended(1)).block(Duration.ofSeconds(10));
			assertThat(seen.poll(10, TimeUnit.SECONDS)).isNotNull();
		}
		finally {
			watch.dispose();
		}
		assertThat(this.lettuce.dropped()).as(() -> "errors dropped: " + stackTraces(this.lettuce.dropped())).isEmpty();
	}

	private static String stackTraces(List<Throwable> errors) {
		StringWriter traces = new StringWriter();
		errors.forEach((error) -> error.printStackTrace(new PrintWriter(traces)));
		return traces.toString();
	}

}
