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

package io.github.agentprotocols.hpp.web;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

import io.github.agentprotocols.hpp.wire.HandshakeEvent;
import org.junit.jupiter.api.Test;
import org.reactivestreams.Subscription;
import reactor.core.Disposable;
import reactor.core.publisher.BaseSubscriber;
import reactor.core.scheduler.Scheduler;
import tools.jackson.databind.node.JsonNodeFactory;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * One ticker gives every open connection its heartbeat before the connection has been
 * silent for the interval, never more than one waiting on a connection that takes no
 * frames, none to a connection that has just sent something, and none before the
 * greeting. Time is a test clock.
 */
class HeartbeatTickerTests {

	private static final Duration INTERVAL = Duration.ofSeconds(10);

	private final AtomicLong clock = new AtomicLong();

	private final List<ConnectionFrames> open = new ArrayList<>();

	private final ManualScheduler scheduler = new ManualScheduler();

	private final HeartbeatTicker ticker = new HeartbeatTicker(INTERVAL, this.open, this.scheduler, this.clock::get);

	private final HandshakeEvent greeting = HandshakeEvent.connected("s1", JsonNodeFactory.instance.stringNode("m"));

	@Test
	void everyOpenConnectionGetsItsHeartbeatBeforeItHasBeenSilentForTheInterval() {
		List<Connection> connections = new ArrayList<>();
		for (int i = 0; i < 1000; i++) {
			connections.add(open(Long.MAX_VALUE));
		}
		tickAt(Duration.ofMillis(8_900));
		assertThat(connections).allMatch((connection) -> connection.received.equals(List.of(this.greeting)));
		tickAt(Duration.ofSeconds(9));
		assertThat(connections).allMatch((connection) -> connection.heartbeats() == 1);
		tickAt(Duration.ofMillis(17_900));
		assertThat(connections).allMatch((connection) -> connection.heartbeats() == 1);
		tickAt(Duration.ofSeconds(18));
		assertThat(connections).allMatch((connection) -> connection.heartbeats() == 2);
	}

	@Test
	void aConnectionThatHasJustSentAnEventGetsItsHeartbeatAnIntervalLater() {
		Connection connection = open(Long.MAX_VALUE);
		HandshakeEvent event = HandshakeEvent.action("a", JsonNodeFactory.instance.numberNode(1));
		this.clock.set(Duration.ofSeconds(5).toNanos());
		this.open.get(0).emit(event);
		tickAt(Duration.ofSeconds(9));
		assertThat(connection.received).containsExactly(this.greeting, event);
		tickAt(Duration.ofSeconds(14));
		assertThat(connection.heartbeats()).isEqualTo(1);
	}

	@Test
	void aConnectionThatTakesNoFramesHoldsOneHeartbeatBehindItsEvents() {
		Connection connection = open(0);
		HandshakeEvent event = HandshakeEvent.action("a", JsonNodeFactory.instance.numberNode(1));
		this.open.get(0).emit(event);
		for (int second = 9; second < 100; second += 1) {
			tickAt(Duration.ofSeconds(second));
		}
		connection.request(10);
		assertThat(connection.received).hasSize(3).startsWith(this.greeting, event);
		assertThat(connection.heartbeats()).isEqualTo(1);
	}

	@Test
	void aConnectionWaitingForItsGreetingGetsNoHeartbeat() {
		ConnectionFrames frames = new ConnectionFrames(this.clock::get);
		Connection connection = new Connection(Long.MAX_VALUE);
		frames.frames().subscribe(connection);
		this.open.add(frames);
		tickAt(Duration.ofSeconds(30));
		assertThat(connection.received).isEmpty();
		frames.emit(this.greeting);
		tickAt(Duration.ofSeconds(38));
		assertThat(connection.received).containsExactly(this.greeting);
		tickAt(Duration.ofSeconds(39));
		assertThat(connection.heartbeats()).isEqualTo(1);
	}

	@Test
	void ticksEveryTenthOfTheIntervalFromStartToStop() {
		Connection connection = open(Long.MAX_VALUE);
		this.ticker.start();
		this.ticker.start();
		assertThat(this.scheduler.periods).containsExactly(Duration.ofSeconds(1));
		this.clock.set(Duration.ofSeconds(9).toNanos());
		this.scheduler.tasks.get(0).run();
		assertThat(connection.heartbeats()).isEqualTo(1);
		this.ticker.stop();
		assertThat(this.scheduler.cancelled).isEqualTo(1);
		this.ticker.start();
		assertThat(this.scheduler.periods).hasSize(2);
	}

	/**
	 * A connection that has been sent its greeting at time 0, then takes as many frames
	 * as its demand.
	 */
	private Connection open(long demand) {
		ConnectionFrames frames = new ConnectionFrames(this.clock::get);
		Connection connection = new Connection(demand);
		frames.frames().subscribe(connection);
		connection.request(1);
		frames.emit(this.greeting);
		this.open.add(frames);
		return connection;
	}

	private void tickAt(Duration time) {
		this.clock.set(time.toNanos());
		this.ticker.tick(this.clock.get());
	}

	private static final class Connection extends BaseSubscriber<HandshakeEvent> {

		private final List<HandshakeEvent> received = new CopyOnWriteArrayList<>();

		private final long demand;

		Connection(long demand) {
			this.demand = demand;
		}

		@Override
		protected void hookOnSubscribe(Subscription subscription) {
			if (this.demand > 0) {
				request(this.demand);
			}
		}

		@Override
		protected void hookOnNext(HandshakeEvent event) {
			this.received.add(event);
		}

		long heartbeats() {
			return this.received.stream().filter((event) -> "heartbeat".equals(event.type())).count();
		}

	}

	/**
	 * Records periodic tasks instead of running them.
	 */
	private static final class ManualScheduler implements Scheduler {

		private final List<Duration> periods = new ArrayList<>();

		private final List<Runnable> tasks = new ArrayList<>();

		private int cancelled;

		@Override
		public Disposable schedulePeriodically(Runnable task, long initialDelay, long period, TimeUnit unit) {
			this.periods.add(Duration.ofNanos(unit.toNanos(period)));
			this.tasks.add(task);
			return () -> this.cancelled++;
		}

		@Override
		public Disposable schedule(Runnable task) {
			throw new UnsupportedOperationException();
		}

		@Override
		public Worker createWorker() {
			throw new UnsupportedOperationException();
		}

	}

}
