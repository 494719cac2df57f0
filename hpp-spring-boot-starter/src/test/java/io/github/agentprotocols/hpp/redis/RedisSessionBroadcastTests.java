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

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

import io.github.agentprotocols.hpp.wire.HandshakeEvent;
import io.github.agentprotocols.testsupport.UsesRedis;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import reactor.core.Disposable;
import reactor.core.publisher.Flux;
import tools.jackson.databind.node.JsonNodeFactory;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Events crossing instances through Redis pub/sub: two broadcasts on connections of their
 * own stand for two application instances.
 */
@UsesRedis
class RedisSessionBroadcastTests {

	static final Duration WAIT = Duration.ofSeconds(10);

	final RedisTestConnections connections = new RedisTestConnections();

	final RedisSessionBroadcast a = broadcast();

	final RedisSessionBroadcast b = broadcast();

	@AfterEach
	void close() {
		this.a.destroy();
		this.b.destroy();
		this.connections.close();
	}

	@Test
	void greetingComesFirstAndThenEveryEventPublishedOnAnotherInstanceInOrder() throws Exception {
		BlockingQueue<HandshakeEvent> seen = new LinkedBlockingQueue<>();
		Disposable watching = this.a.subscribe("s1", HandshakeEvent.heartbeat()).subscribe(seen::add);
		try {
			assertThat(seen.poll(WAIT.toSeconds(), TimeUnit.SECONDS).type()).isEqualTo("heartbeat");
			Flux.range(0, 200)
				.concatMap((i) -> this.b.publish("s1",
						HandshakeEvent.action("k" + i, JsonNodeFactory.instance.numberNode(i))))
				.blockLast(WAIT);
			for (int i = 0; i < 200; i++) {
				HandshakeEvent event = seen.poll(WAIT.toSeconds(), TimeUnit.SECONDS);
				assertThat(event.frame().toString())
					.isEqualTo("{\"type\":\"action\",\"key\":\"k" + i + "\",\"value\":" + i + "}");
			}
		}
		finally {
			watching.dispose();
		}
	}

	@Test
	void eventsPublishedTogetherArriveInOrderAfterThoseBefore() throws Exception {
		BlockingQueue<HandshakeEvent> seen = new LinkedBlockingQueue<>();
		Disposable watching = this.a.subscribe("s4", HandshakeEvent.heartbeat()).subscribe(seen::add);
		try {
			assertThat(seen.poll(WAIT.toSeconds(), TimeUnit.SECONDS).type()).isEqualTo("heartbeat");
			this.b.publish("s4", HandshakeEvent.extended(1)).block(WAIT);
			List<HandshakeEvent> batch = new ArrayList<>();
			for (int i = 0; i < 10; i++) {
				batch.add(HandshakeEvent.action("k" + i, JsonNodeFactory.instance.numberNode(i)));
			}
			batch.add(HandshakeEvent.done(10, List.of(), List.of()));
			this.b.publishAll("s4", batch).block(WAIT);
			assertThat(seen.poll(WAIT.toSeconds(), TimeUnit.SECONDS).type()).isEqualTo("extended");
			for (HandshakeEvent expected : batch) {
				assertThat(seen.poll(WAIT.toSeconds(), TimeUnit.SECONDS).frame()).isEqualTo(expected.frame());
			}
		}
		finally {
			watching.dispose();
		}
	}

	@Test
	void eventsReachEveryWatcherOfTheSessionOnEveryInstanceAndNoOther() throws Exception {
		BlockingQueue<String> seen = new LinkedBlockingQueue<>();
		List<Disposable> watching = List.of(watch(this.a, "s2", "a1", seen), watch(this.a, "s2", "a2", seen),
				watch(this.b, "s2", "b1", seen), watch(this.b, "other", "b-other", seen));
		try {
			assertThat(drain(seen, 4)).containsExactlyInAnyOrder("a1:heartbeat", "a2:heartbeat", "b1:heartbeat",
					"b-other:heartbeat");
			this.a.publish("s2", HandshakeEvent.extended(99)).block(WAIT);
			assertThat(drain(seen, 3)).containsExactlyInAnyOrder("a1:extended", "a2:extended", "b1:extended");
			assertThat(seen.poll(300, TimeUnit.MILLISECONDS)).isNull();
		}
		finally {
			watching.forEach(Disposable::dispose);
		}
	}

	@Test
	void connectionsAreCountedAcrossInstances() throws Exception {
		BlockingQueue<String> seen = new LinkedBlockingQueue<>();
		Disposable a1 = watch(this.a, "s3", "a1", seen);
		Disposable b1 = watch(this.b, "s3", "b1", seen);
		Disposable b2 = watch(this.b, "s3", "b2", seen);
		drain(seen, 3);
		assertThat(this.a.connections("s3").block(WAIT)).isEqualTo(3);
		assertThat(this.b.connections("s3").block(WAIT)).isEqualTo(3);
		b2.dispose();
		await().atMost(WAIT).until(() -> this.a.connections("s3").block(WAIT) == 2);
		a1.dispose();
		b1.dispose();
		await().atMost(WAIT).until(() -> this.b.connections("s3").block(WAIT) == 0);
		assertThat(this.a.connections("never-watched").block(WAIT)).isZero();
	}

	@Test
	void instanceUnsubscribesAfterItsLastWatcherLeaves() throws Exception {
		BlockingQueue<String> seen = new LinkedBlockingQueue<>();
		Disposable first = watch(this.a, "s4", "1", seen);
		Disposable second = watch(this.a, "s4", "2", seen);
		drain(seen, 2);
		assertThat(subscribers("s4")).isEqualTo(1);
		first.dispose();
		Thread.sleep(300);
		assertThat(subscribers("s4")).isEqualTo(1);
		this.b.publish("s4", HandshakeEvent.heartbeat()).block(WAIT);
		assertThat(drain(seen, 1)).containsExactly("2:heartbeat");
		second.dispose();
		await().atMost(WAIT).until(() -> subscribers("s4") == 0);
		Disposable again = watch(this.a, "s4", "3", seen);
		try {
			drain(seen, 1);
			assertThat(subscribers("s4")).isEqualTo(1);
			this.b.publish("s4", HandshakeEvent.extended(5)).block(WAIT);
			assertThat(drain(seen, 1)).containsExactly("3:extended");
		}
		finally {
			again.dispose();
		}
	}

	@Test
	void rejoiningWithinTheLingerKeepsTheSubscription() throws Exception {
		BlockingQueue<String> seen = new LinkedBlockingQueue<>();
		Disposable old = watch(this.a, "s5", "old", seen);
		drain(seen, 1);
		old.dispose();
		Disposable reloaded = watch(this.a, "s5", "new", seen);
		try {
			assertThat(drain(seen, 1)).containsExactly("new:heartbeat");
			Thread.sleep(700);
			this.b.publish("s5", HandshakeEvent.extended(1)).block(WAIT);
			assertThat(drain(seen, 1)).containsExactly("new:extended");
		}
		finally {
			reloaded.dispose();
		}
	}

	private RedisSessionBroadcast broadcast() {
		return new RedisSessionBroadcast(this.connections.factory(), Duration.ofSeconds(5), this.connections.keys,
				Duration.ofMillis(500), Duration.ofMinutes(5));
	}

	private static Disposable watch(RedisSessionBroadcast broadcast, String sessionId, String name,
			BlockingQueue<String> seen) {
		return broadcast.subscribe(sessionId, HandshakeEvent.heartbeat())
			.subscribe((event) -> seen.add(name + ":" + event.type()));
	}

	private long subscribers(String sessionId) {
		return this.connections.subscribers(this.connections.keys.events(sessionId));
	}

	private static List<String> drain(BlockingQueue<String> seen, int count) throws InterruptedException {
		List<String> drained = new ArrayList<>();
		for (int i = 0; i < count; i++) {
			String next = seen.poll(WAIT.toSeconds(), TimeUnit.SECONDS);
			assertThat(next).as("event %d of %d (got %s)", i + 1, count, drained).isNotNull();
			drained.add(next);
		}
		return drained;
	}

}
