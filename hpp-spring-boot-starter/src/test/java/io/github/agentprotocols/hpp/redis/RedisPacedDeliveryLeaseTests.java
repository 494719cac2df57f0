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
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import io.github.agentprotocols.hpp.PacedBatch;
import io.github.agentprotocols.hpp.SessionBroadcast;
import io.github.agentprotocols.hpp.wire.HandshakeEvent;
import io.github.agentprotocols.testsupport.RedisServerProcess;
import io.github.agentprotocols.testsupport.UsesRedisProcess;
import io.lettuce.core.KillArgs;
import io.lettuce.core.RedisClient;
import io.lettuce.core.api.StatefulRedisConnection;
import io.lettuce.core.codec.StringCodec;
import io.lettuce.core.output.StatusOutput;
import io.lettuce.core.protocol.CommandArgs;
import io.lettuce.core.protocol.CommandType;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import tools.jackson.databind.node.JsonNodeFactory;

import org.springframework.data.redis.connection.RedisStandaloneConfiguration;
import org.springframework.data.redis.connection.lettuce.LettuceClientConfiguration;
import org.springframework.data.redis.connection.lettuce.LettuceConnectionFactory;
import org.springframework.data.redis.core.ReactiveStringRedisTemplate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * A delivery that fails while Redis does not answer, as when the master holding its
 * session crashes and its replica is promoted, releases its lease once Redis answers
 * again, rather than leaving it to hold back the session's next batches until it expires
 * (the longest batch plus 30 s). On a server of the test's own: its writes are paused
 * ({@code CLIENT PAUSE … WRITE}) as the first event is published, so that the release
 * waits beyond the command timeout; the delivery's connection is then killed, dropping
 * the release as a crashed master drops it, and the writes resume.
 */
@UsesRedisProcess
class RedisPacedDeliveryLeaseTests {

	private static final Duration COMMAND_TIMEOUT = Duration.ofMillis(300);

	private final CountDownLatch published = new CountDownLatch(1);

	private final RedisServerProcess server = RedisServerProcess.start();

	private final RedisClient admin = RedisClient.create(this.server.url());

	private final StatefulRedisConnection<String, String> adminConnection = this.admin.connect();

	private final LettuceConnectionFactory factory = factory();

	private final RedisKeys keys = new RedisKeys("hpp-test-" + UUID.randomUUID() + ":");

	@AfterEach
	void close() {
		this.factory.destroy();
		this.adminConnection.close();
		this.admin.shutdown();
		this.server.close();
	}

	@Test
	void aDeliveryThatFailsWhileRedisDoesNotAnswerReleasesItsLeaseOnceItAnswers() throws InterruptedException {
		RedisPacedDelivery delivery = new RedisPacedDelivery(new ReactiveStringRedisTemplate(this.factory),
				new PausingBroadcast(), this.keys, Duration.ofSeconds(30), 100);
		delivery.start();
		HandshakeEvent action = HandshakeEvent.action("k", JsonNodeFactory.instance.numberNode(1));
		delivery
			.enqueue("s",
					new PacedBatch(List.of(action), HandshakeEvent.done(3, List.of(), List.of("batch")),
							Duration.ofMillis(100)))
			.block(Duration.ofSeconds(10));
		assertThat(this.published.await(10, TimeUnit.SECONDS)).as("the first event published").isTrue();
		Thread.sleep(COMMAND_TIMEOUT.multipliedBy(3).toMillis());
		this.adminConnection.sync().clientKill(KillArgs.Builder.typeNormal().skipme());
		client("UNPAUSE");
		String lease = this.keys.deliverer("s");
		await().atMost(Duration.ofSeconds(10))
			.pollInterval(Duration.ofMillis(100))
			.untilAsserted(() -> assertThat(this.adminConnection.sync().exists(lease))
				.as("the session's delivery lease once Redis answers again")
				.isZero());
		delivery.stop();
	}

	private void client(String... arguments) {
		CommandArgs<String, String> args = new CommandArgs<>(StringCodec.UTF8);
		for (String argument : arguments) {
			args.add(argument);
		}
		this.adminConnection.sync().dispatch(CommandType.CLIENT, new StatusOutput<>(StringCodec.UTF8), args);
	}

	private LettuceConnectionFactory factory() {
		RedisStandaloneConfiguration server = new RedisStandaloneConfiguration("127.0.0.1",
				Integer.parseInt(this.server.url().substring(this.server.url().lastIndexOf(':') + 1)));
		LettuceConnectionFactory factory = new LettuceConnectionFactory(server,
				LettuceClientConfiguration.builder().commandTimeout(COMMAND_TIMEOUT).build());
		factory.afterPropertiesSet();
		factory.start();
		return factory;
	}

	/**
	 * Pauses the server's writes as the first event is published, then fails: the
	 * delivery's release of its lease meets a server that does not answer.
	 */
	private final class PausingBroadcast implements SessionBroadcast {

		@Override
		public Mono<Void> publish(String sessionId, HandshakeEvent event) {
			return Mono.fromRunnable(() -> {
				client("PAUSE", "60000", "WRITE");
				RedisPacedDeliveryLeaseTests.this.published.countDown();
			}).then(Mono.error(new IllegalStateException("The master holding the session crashed")));
		}

		@Override
		public Flux<HandshakeEvent> subscribe(String sessionId) {
			return Flux.never();
		}

		@Override
		public Mono<Integer> connections(String sessionId) {
			return Mono.just(1);
		}

	}

}
