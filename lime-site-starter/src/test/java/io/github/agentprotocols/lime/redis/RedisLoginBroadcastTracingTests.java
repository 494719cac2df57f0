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

package io.github.agentprotocols.lime.redis;

import java.time.Duration;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

import io.github.agentprotocols.lime.LimeLoginHandler;
import io.github.agentprotocols.testsupport.RedisServers;
import io.github.agentprotocols.testsupport.RecordedSpans;
import io.github.agentprotocols.testsupport.UsesRedis;
import io.micrometer.observation.Observation;
import io.opentelemetry.api.common.AttributeKey;
import io.opentelemetry.sdk.trace.data.SpanData;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The trace across instances through the Redis broadcast of login outcomes, with real
 * tracing ({@link RecordedSpans}): the message carries the broadcast's trace, and the
 * receiving instance's delivery joins it; an old message without it starts a trace.
 */
@UsesRedis
class RedisLoginBroadcastTracingTests {

	private static final Duration WAIT = Duration.ofSeconds(20);

	private final LimeRedisConnections redis = new LimeRedisConnections();

	private final RecordedSpans spans = RecordedSpans.start();

	private final BlockingQueue<String> delivered = new LinkedBlockingQueue<>();

	private final RedisLoginBroadcast receiving = broadcast((requestId, passportJwt) -> this.delivered.add(requestId));

	@AfterEach
	void close() {
		this.receiving.stop();
		this.redis.close();
		this.spans.close();
	}

	@Test
	void deliveryOnAnotherInstanceJoinsTheTraceOfTheBroadcast() throws InterruptedException {
		subscribe();
		Observation handler = Observation.start("handler", this.spans.observationRegistry());
		try (Observation.Scope scope = handler.openScope()) {
			broadcast((requestId, passportJwt) -> {
			}).broadcast("lr_traced", null);
		}
		handler.stop();
		assertThat(this.delivered.poll(WAIT.toSeconds(), TimeUnit.SECONDS)).isEqualTo("lr_traced");
		SpanData broadcast = this.spans.awaitSpan("lime.broadcast");
		this.spans.assertChildOf(broadcast, this.spans.awaitSpan("handler"));
		this.spans.assertChildOf(delivery("lr_traced"), broadcast);
	}

	@Test
	void messageWithoutTraceIsDeliveredInATraceOfItsOwn() throws InterruptedException {
		subscribe();
		this.redis.reactive()
			.convertAndSend(this.redis.keys.logins(), "{\"request_id\":\"lr_old\",\"passport_jwt\":null}")
			.block(WAIT);
		assertThat(this.delivered.poll(WAIT.toSeconds(), TimeUnit.SECONDS)).isEqualTo("lr_old");
		assertThat(delivery("lr_old").getParentSpanContext().isValid()).as(this.spans.tree()).isFalse();
	}

	private SpanData delivery(String requestId) {
		return this.spans.awaitSpan("the delivery of " + requestId,
				(span) -> span.getName().equals("lime.event.delivery")
						&& requestId.equals(span.getAttributes().get(AttributeKey.stringKey("lime.request.id"))));
	}

	private RedisLoginBroadcast broadcast(LimeLoginHandler localDelivery) {
		return new RedisLoginBroadcast(this.redis.factory(), this.redis.keys, localDelivery, WAIT,
				this.spans.observationRegistry(), null, null);
	}

	private void subscribe() {
		this.receiving.start();
		String channel = this.redis.keys.logins();
		await().atMost(WAIT).until(() -> RedisServers.ofTopology().subscribers(channel) == 1);
	}

}
