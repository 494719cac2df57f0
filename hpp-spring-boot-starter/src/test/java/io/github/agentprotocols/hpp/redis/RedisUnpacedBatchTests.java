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
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

import io.github.agentprotocols.hpp.HandshakeManager;
import io.github.agentprotocols.hpp.HandshakeRequest;
import io.github.agentprotocols.hpp.HttpProbe;
import io.github.agentprotocols.hpp.PacedDelivery;
import io.github.agentprotocols.hpp.SessionBroadcast;
import io.github.agentprotocols.hpp.SessionStore;
import io.github.agentprotocols.hpp.memory.InMemorySessionStore;
import io.github.agentprotocols.hpp.memory.LocalPacedDelivery;
import io.github.agentprotocols.hpp.memory.LocalSessionBroadcast;
import io.github.agentprotocols.hpp.wire.HandshakeEvent;
import io.github.agentprotocols.hpp.wire.HppJson;
import io.github.agentprotocols.testsupport.RedisCommandRecorder;
import io.github.agentprotocols.testsupport.UsesRedis;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import reactor.core.Disposable;
import reactor.core.publisher.Mono;
import tools.jackson.databind.node.ObjectNode;
import tools.jackson.databind.node.StringNode;

import org.springframework.data.redis.connection.lettuce.LettuceConnectionFactory;
import org.springframework.data.redis.core.ReactiveStringRedisTemplate;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * An unpaced action batch that the admission's script publishes itself is the batch the
 * paced delivery would have published: the same events as an in-memory engine's for the
 * same requests, streamed or not, with the required keys still empty named (empty
 * strings, lists, objects and {@code null}; not {@code 0} or {@code false}) and keys that
 * JSON must escape; a write refused, a paced batch and a batch waiting behind another
 * still take the delivery's own scripts.
 */
@UsesRedis
class RedisUnpacedBatchTests {

	private static final Duration WAIT = Duration.ofSeconds(30);

	private static final String ESCAPED = "a/b é\"q\\ \u2028";

	private static final String SCHEMA = """
			[{"key":"name","type":"any","required":true},{"key":%s,"required":true},
			{"key":"list","type":"array","required":true},{"key":"obj","type":"object","required":true},
			{"key":"n","type":"number","required":true},{"key":"flag","type":"boolean","required":true},
			{"key":"opt","type":"any"},{"key":"owned","required":true}]""".formatted(key(ESCAPED));

	private final RedisTestConnections connections = new RedisTestConnections();

	private RedisCommandRecorder commands;

	private RedisPacedDelivery redisDelivery;

	private RedisSessionBroadcast redisBroadcast;

	private Engine redis;

	private Engine memory;

	@BeforeEach
	void start() {
		LettuceConnectionFactory shared = this.connections.factory();
		this.commands = RedisCommandRecorder.attachTo(shared.getNativeClient());
		ReactiveStringRedisTemplate template = new ReactiveStringRedisTemplate(shared);
		this.redisBroadcast = new RedisSessionBroadcast(shared, Duration.ofSeconds(5), this.connections.keys,
				Duration.ofMillis(500), Duration.ofMinutes(5));
		this.redisDelivery = new RedisPacedDelivery(template, this.redisBroadcast, this.connections.keys,
				Duration.ofSeconds(30), 1000);
		this.redisDelivery.start();
		this.redis = new Engine(new RedisSessionStore(template, this.connections.keys, 100, 0, Clock.systemUTC()),
				this.redisBroadcast, this.redisDelivery);
		LocalSessionBroadcast localBroadcast = new LocalSessionBroadcast();
		LocalPacedDelivery localDelivery = new LocalPacedDelivery(localBroadcast, 1000);
		localDelivery.start();
		this.memory = new Engine(new InMemorySessionStore(100, 0, Clock.systemUTC()), localBroadcast, localDelivery);
	}

	@AfterEach
	void stop() {
		this.redis.close();
		this.memory.close();
		this.redisDelivery.stop();
		this.redisBroadcast.destroy();
		this.connections.close();
	}

	@Test
	void batchPublishedByTheAdmissionIsTheOneTheDeliveryWouldHavePublished() throws Exception {
		this.redis.begin();
		this.memory.begin();
		String publishingAdmission = this.redisBroadcast.publishing(SessionScripts.ADMIT_WRITE).getSha1();
		String fill = this.redisBroadcast.publishing(RedisPacedDelivery.FILL).getSha1();
		assertThat(sameEvents("{\"intervalMs\":0,\"actions\":[" + set("name", "\"x\"") + "]}"))
			.as("the first action of the instance, admitted before its body is read")
			.contains(fill);
		assertThat(sameEvents("{\"intervalMs\":0,\"actions\":[" + set(ESCAPED, "\"\"") + "," + set("list", "[]") + ","
				+ set("obj", "{}") + "," + set("n", "0") + "," + set("flag", "false") + "," + set("opt", "null")
				+ "]}"))
			.as("streamed")
			.containsExactly(publishingAdmission);
		assertThat(sameEvents("{\"intervalMs\":0,\"stream\":false,\"actions\":[" + set("name", "null") + ","
				+ set("list", "[1,{\"k\":[true,null]}]") + "," + set(ESCAPED, "\"\\u2028 \\uD83D\\uDE00 </script>\"")
				+ "]}"))
			.as("not streamed")
			.containsExactly(publishingAdmission);
		assertThat(sameEvents("{\"intervalMs\":0,\"actions\":[{\"type\":\"unknown\"}," + set("name", "\"y\"") + "]}"))
			.as("an action in error beside a write")
			.containsExactly(publishingAdmission);
		assertThat(sameEvents("{\"intervalMs\":0,\"actions\":[]}")).as("no action")
			.containsExactly(publishingAdmission);
		assertThat(
				sameEvents("{\"intervalMs\":0,\"actions\":[" + set("owned", "\"agent\"") + "," + set("n", "1") + "]}"))
			.as("a write refused, as the user owns the field")
			.containsExactly(publishingAdmission, fill);
		assertThat(sameEvents("{\"intervalMs\":1,\"actions\":[" + set("obj", "{\"a\":1}") + "]}")).as("paced")
			.containsSequence(SessionScripts.ADMIT_WRITE.getSha1(), fill);
	}

	@Test
	void batchBehindAWaitingOneIsQueued() throws Exception {
		this.redis.begin();
		this.redis.action("{\"intervalMs\":0,\"actions\":[" + set("name", "\"x\"") + "]}");
		this.redis.done();
		ReactiveStringRedisTemplate template = this.connections.template();
		String lease = this.connections.keys.deliverer(this.redis.sessionId);
		template.opsForValue().set(lease, "another instance", Duration.ofSeconds(30)).block(WAIT);
		int before = this.commands.scripts().size();
		this.redis.action("{\"intervalMs\":0,\"actions\":[" + set("name", "\"y\"") + "]}");
		assertThat(this.redis.seen.poll(200, TimeUnit.MILLISECONDS)).as("nothing published while another delivers")
			.isNull();
		assertThat(this.commands.scripts().subList(before, this.commands.scripts().size()))
			.filteredOn((script) -> !"EVAL".equals(script))
			.containsExactly(this.redisBroadcast.publishing(SessionScripts.ADMIT_WRITE).getSha1(),
					this.redisBroadcast.publishing(RedisPacedDelivery.FILL).getSha1());
		assertThat(template.opsForList().size(this.connections.keys.deliveries(this.redis.sessionId)).block(WAIT))
			.as("the batch waits in the list")
			.isOne();
	}

	/**
	 * Sends the same action request to both engines and answers the scripts the Redis
	 * engine ran for it, once both have published the same events up to the batch's
	 * {@code done}.
	 */
	private List<String> sameEvents(String body) throws InterruptedException {
		int before = this.commands.scripts().size();
		this.redis.action(body);
		List<String> published = this.redis.done();
		List<String> sent = this.commands.scripts();
		List<String> scripts = sent.subList(before, sent.size())
			.stream()
			.filter((script) -> !"EVAL".equals(script))
			.toList();
		this.memory.action(body);
		assertThat(published).as(body).containsExactlyElementsOf(this.memory.done());
		return scripts;
	}

	private static String set(String key, String value) {
		return "{\"type\":\"set\",\"key\":" + key(key) + ",\"value\":" + value + "}";
	}

	private static String key(String key) {
		return HppJson.write(StringNode.valueOf(key));
	}

	/**
	 * An engine on its store, broadcast and delivery, with one session watched.
	 */
	private static final class Engine {

		private final HandshakeManager manager;

		private final SessionBroadcast broadcast;

		private final BlockingQueue<HandshakeEvent> seen = new LinkedBlockingQueue<>();

		private String sessionId;

		private String token;

		private Disposable watching;

		Engine(SessionStore store, SessionBroadcast broadcast, PacedDelivery delivery) {
			this.manager = HandshakeManager.builder(store, broadcast, delivery).build();
			this.broadcast = broadcast;
		}

		/**
		 * Creates the session, watches it, and has the user write the field it owns.
		 */
		void begin() throws InterruptedException {
			ObjectNode created = this.manager
				.createSession((ObjectNode) HttpProbe.json.readTree("{\"schema\":" + SCHEMA + "}"),
						HandshakeRequest.none())
				.block(WAIT);
			this.sessionId = created.get("sessionId").stringValue();
			this.token = created.get("token").stringValue();
			this.watching = this.broadcast.subscribe(this.sessionId, HandshakeEvent.heartbeat())
				.subscribe(this.seen::add);
			assertThat(this.seen.poll(WAIT.toSeconds(), TimeUnit.SECONDS).type()).isEqualTo("heartbeat");
			HandshakeManager.Connection connection = this.manager
				.connect(this.sessionId, this.token, HandshakeRequest.none())
				.block(WAIT);
			this.manager.userEdit(connection, StringNode.valueOf("owned"), StringNode.valueOf("mine")).block(WAIT);
		}

		void action(String body) {
			this.manager
				.action(this.sessionId, this.token, Mono.just((ObjectNode) HttpProbe.json.readTree(body)),
						HandshakeRequest.none())
				.block(WAIT);
		}

		/** The events published since the last batch, up to this one's {@code done}. */
		List<String> done() throws InterruptedException {
			List<String> events = new ArrayList<>();
			while (events.isEmpty() || !events.get(events.size() - 1).startsWith("{\"type\":\"done\"")) {
				HandshakeEvent event = this.seen.poll(WAIT.toSeconds(), TimeUnit.SECONDS);
				assertThat(event).as("event after %s", events).isNotNull();
				events.add(HppJson.write(event.frame()));
			}
			return events;
		}

		void close() {
			if (this.watching != null) {
				this.watching.dispose();
			}
		}

	}

}
