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

import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Function;
import java.util.stream.IntStream;

import io.github.agentprotocols.hpp.HandshakeException;
import io.github.agentprotocols.hpp.HandshakeManager;
import io.github.agentprotocols.hpp.HandshakeRequest;
import io.github.agentprotocols.hpp.HandshakeSettings;
import io.github.agentprotocols.hpp.HttpProbe;
import io.github.agentprotocols.hpp.wire.HandshakeEvent;
import io.github.agentprotocols.testsupport.RedisCommandRecorder;
import io.github.agentprotocols.testsupport.UsesRedis;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import reactor.core.Disposable;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import tools.jackson.databind.node.ObjectNode;

import org.springframework.data.redis.connection.lettuce.LettuceConnectionFactory;
import org.springframework.data.redis.core.ReactiveStringRedisTemplate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.awaitility.Awaitility.await;

/**
 * What one request to a busy session costs in Redis, counted with a recorder on the one
 * connection factory that the store, the paced delivery and the broadcast share, as the
 * auto-configuration makes them: the same scripts on the request's path whether it is
 * alone or one of 16 in flight, because each request changes the session in one script
 * and never retries after losing a race. Once the instance has admitted the agent, an
 * unpaced action is admitted, written and published by one script, alone or among 16 in
 * flight: no batch waits for another (a batch that must wait is queued by the delivery's
 * own script, {@link RedisUnpacedBatchTests}).
 */
@UsesRedis
class RedisRoundTripsTests {

	private static final Duration WAIT = Duration.ofSeconds(30);

	private static final int IN_FLIGHT = 16;

	private static final String SCHEMA = """
			[{"key":"f0"},{"key":"f1"},{"key":"f2"},{"key":"f3"},{"key":"f4"},
			{"key":"f5"},{"key":"f6"},{"key":"f7"},{"key":"f8"},{"key":"f9"}]""";

	private final RedisTestConnections connections = new RedisTestConnections();

	private final BlockingQueue<HandshakeEvent> seen = new LinkedBlockingQueue<>();

	private RedisCommandRecorder commands;

	private final ReactiveStringRedisTemplate unrecorded = this.connections.template();

	private RedisPacedDelivery delivery;

	private RedisSessionBroadcast broadcast;

	private HandshakeManager manager;

	private Disposable watching;

	@BeforeEach
	void start() {
		LettuceConnectionFactory shared = this.connections.factory();
		this.commands = RedisCommandRecorder.attachTo(shared.getNativeClient());
		ReactiveStringRedisTemplate redis = new ReactiveStringRedisTemplate(shared);
		RedisSessionStore store = new RedisSessionStore(redis, this.connections.keys, 100, 0, Clock.systemUTC());
		this.broadcast = new RedisSessionBroadcast(shared, Duration.ofSeconds(5), this.connections.keys,
				Duration.ofMillis(500), Duration.ofMinutes(5));
		this.delivery = new RedisPacedDelivery(redis, this.broadcast, this.connections.keys, Duration.ofSeconds(30),
				1000);
		this.delivery.start();
		HandshakeSettings defaults = HandshakeSettings.defaults();
		HandshakeSettings settings = new HandshakeSettings(defaults.ttl(), defaults.maxLifetime(), 1_000_000,
				defaults.extendRateLimitPerMinute(), defaults.limits(), defaults.pacing(), defaults.zone(),
				defaults.bindUserEditsToOwner(), defaults.clearedFieldsBecomeEmpty(), defaults.requireOwner(),
				defaults.paths());
		this.manager = HandshakeManager.builder(store, this.broadcast, this.delivery).settings(settings).build();
	}

	@AfterEach
	void stop() {
		if (this.watching != null) {
			this.watching.dispose();
		}
		this.delivery.stop();
		this.broadcast.destroy();
		this.connections.close();
	}

	@Test
	void contextTakesOneScriptAloneAndAmongSixteen() {
		Session session = create();
		Function<Integer, Mono<?>> context = (i) -> this.manager.context(session.id(), session.token());
		assertThat(sentFor(1, session, context)).containsExactly(SessionScripts.ADMIT.getSha1());
		List<String> busy = sentFor(IN_FLIGHT, session, context);
		assertThat(busy).hasSize(IN_FLIGHT).containsOnly(SessionScripts.ADMIT.getSha1());
	}

	@Test
	void actionAloneTakesOneScriptThePublicationIncluded() throws Exception {
		Session session = create();
		watch(session);
		assertThat(sentFor(1, session, action(session))).containsExactlyElementsOf(actionPath());
		assertThat(doneEvents(3)).isEqualTo(3);
	}

	/**
	 * The first action an instance admits takes the admission, the writes and the fill,
	 * as every action did before the instance knew the session's schema for the token (a
	 * script not yet loaded is sent once more with its text, {@code EVAL}).
	 */
	@Test
	void firstActionOfTheInstanceIsAdmittedBeforeItsBodyIsRead() throws Exception {
		Session session = create();
		watch(session);
		int before = this.commands.scripts().size();
		action(session).apply(0).block(WAIT);
		awaitDelivered(session);
		List<String> sent = this.commands.scripts();
		assertThat(sent.subList(before, sent.size())).filteredOn((script) -> !"EVAL".equals(script))
			.containsExactly(SessionScripts.ADMIT.getSha1(), SessionScripts.WRITE_AS_AGENT.getSha1(),
					this.broadcast.publishing(RedisPacedDelivery.FILL).getSha1());
		assertThat(doneEvents(1)).isEqualTo(1);
	}

	/**
	 * A token other than the one admitted is refused by the admission script before the
	 * body is read, as it was before the instance knew the session's schema.
	 */
	@Test
	void wrongTokenIsRefusedBeforeTheBodyIsRead() {
		Session session = create();
		action(session).apply(0).block(WAIT);
		AtomicBoolean read = new AtomicBoolean();
		int before = this.commands.scripts().size();
		Mono<ObjectNode> body = Mono.fromSupplier(() -> {
			read.set(true);
			return HttpProbe.json.createObjectNode();
		});
		assertThatExceptionOfType(HandshakeException.class)
			.isThrownBy(() -> this.manager.action(session.id(), "wrong", body, HandshakeRequest.none()).block(WAIT))
			.satisfies((ex) -> assertThat(ex.getStatus()).isEqualTo(403));
		assertThat(read).isFalse();
		List<String> sent = this.commands.scripts();
		assertThat(sent.subList(before, sent.size())).containsExactly(SessionScripts.ADMIT.getSha1());
	}

	@Test
	void actionAmongSixteenTakesTheSameOneScriptNoBatchWaiting() throws Exception {
		Session session = create();
		watch(session);
		List<String> busy = sentFor(IN_FLIGHT, session, action(session));
		List<String> path = actionPath();
		for (String script : path) {
			assertThat(busy).as("the request's path").filteredOn(script::equals).hasSize(IN_FLIGHT);
		}
		assertThat(busy).as("nothing but the requests' scripts: no batch waits").hasSize(IN_FLIGHT);
		assertThat(doneEvents(2 + IN_FLIGHT)).isEqualTo(2 + IN_FLIGHT);
	}

	/**
	 * The scripts of an unpaced action: admission with the agent's writes and the batch's
	 * publication, in the form of this topology's channels.
	 */
	private List<String> actionPath() {
		return List.of(this.broadcast.publishing(SessionScripts.ADMIT_WRITE).getSha1());
	}

	private Function<Integer, Mono<?>> action(Session session) {
		ObjectNode body = (ObjectNode) HttpProbe.json.readTree("""
				{"intervalMs":0,"actions":[%s]}""".formatted(String.join(",",
				IntStream.range(0, 10)
					.mapToObj((i) -> "{\"type\":\"set\",\"key\":\"f" + i + "\",\"value\":\"v" + i + "\"}")
					.toList())));
		return (i) -> this.manager
			.action(session.id(), session.token(), Mono.just(body.deepCopy()), HandshakeRequest.none())
			.doOnNext((response) -> assertThat(response.get("applied")).hasSize(10));
	}

	/**
	 * Sends one request, or {@link #IN_FLIGHT} requests all at once, and answers the
	 * commands sent for them, the deliveries they started included. The first requests of
	 * a kind may also load their scripts, and the first one admitted teaches the instance
	 * the session's schema, so two are sent beforehand.
	 */
	private List<String> sentFor(int concurrency, Session session, Function<Integer, Mono<?>> request) {
		request.apply(0).block(WAIT);
		request.apply(0).block(WAIT);
		awaitDelivered(session);
		int before = this.commands.scripts().size();
		List<?> answered = Flux.range(0, concurrency).flatMap(request, concurrency).collectList().block(WAIT);
		assertThat(answered).hasSize(concurrency);
		awaitDelivered(session);
		List<String> sent = this.commands.scripts();
		return sent.subList(before, sent.size());
	}

	private void awaitDelivered(Session session) {
		await().atMost(WAIT)
			.until(() -> this.unrecorded.opsForList()
				.size(this.connections.keys.deliveries(session.id()))
				.block(WAIT) == 0
					&& !this.unrecorded.hasKey(this.connections.keys.deliverer(session.id())).block(WAIT));
	}

	private void watch(Session session) throws InterruptedException {
		this.watching = this.broadcast.subscribe(session.id(), HandshakeEvent.heartbeat()).subscribe(this.seen::add);
		assertThat(this.seen.poll(WAIT.toSeconds(), TimeUnit.SECONDS).type()).isEqualTo("heartbeat");
	}

	private int doneEvents(int expected) throws InterruptedException {
		int done = 0;
		while (done < expected) {
			HandshakeEvent event = this.seen.poll(WAIT.toSeconds(), TimeUnit.SECONDS);
			assertThat(event).as("event after %d done", done).isNotNull();
			if (event.type().equals("done")) {
				done++;
			}
		}
		return done;
	}

	private Session create() {
		ObjectNode created = this.manager
			.createSession((ObjectNode) HttpProbe.json.readTree("{\"schema\":" + SCHEMA + "}"), HandshakeRequest.none())
			.block(WAIT);
		return new Session(created.get("sessionId").stringValue(), created.get("token").stringValue());
	}

	private record Session(String id, String token) {

	}

}
