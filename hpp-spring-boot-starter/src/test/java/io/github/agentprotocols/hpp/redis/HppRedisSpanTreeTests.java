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
import java.util.UUID;

import io.github.agentprotocols.hpp.HppTestApplication;
import io.github.agentprotocols.hpp.HttpProbe;
import io.github.agentprotocols.hpp.WsProbe;
import io.github.agentprotocols.testsupport.RecordedSpans;
import io.github.agentprotocols.testsupport.RedisFixture;
import io.github.agentprotocols.testsupport.UsesRedis;
import io.micrometer.observation.ObservationRegistry;
import io.opentelemetry.sdk.trace.data.SpanData;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.support.GenericApplicationContext;
import org.springframework.data.redis.core.ReactiveStringRedisTemplate;
import org.springframework.data.redis.core.ScanOptions;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Two instances on one Redis, each tracing into a recorder of its own: the events of an
 * action posted to one instance reach a browser on the other in the action's trace,
 * carried by the Redis messages, whether the batch is published at once or queued and
 * delivered by the other instance.
 */
@UsesRedis
class HppRedisSpanTreeTests {

	static final Duration WAIT = Duration.ofSeconds(10);

	final String prefix = "hpp-test-" + UUID.randomUUID() + ":";

	final RecordedSpans spansA = RecordedSpans.start();

	final RecordedSpans spansB = RecordedSpans.start();

	final ConfigurableApplicationContext a = instance(this.spansA);

	final ConfigurableApplicationContext b = instance(this.spansB);

	@AfterEach
	void stop() {
		ReactiveStringRedisTemplate redis = this.a.getBean(ReactiveStringRedisTemplate.class);
		redis.scan(ScanOptions.scanOptions().match(this.prefix + "*").build()).flatMap(redis::delete).blockLast(WAIT);
		this.a.close();
		this.b.close();
		this.spansA.close();
		this.spansB.close();
	}

	/**
	 * Nothing waits or is being delivered: the batch's events are published by the script
	 * that would have queued it, and carry the trace of that publication.
	 */
	@Test
	void batchPublishedAtOnceCarriesTheTraceOfTheActionToTheOtherInstance() throws Exception {
		HttpProbe httpA = new HttpProbe(port(this.a));
		JsonNode created = httpA.create("{}");
		String sid = created.get("sessionId").stringValue();
		String token = created.get("token").stringValue();
		try (WsProbe browserOnB = connectedOnB(sid, token)) {
			assertThat(httpA.post("/handshake/action/" + sid, token, action("Ada")).status()).isEqualTo(200);
			assertThat(browserOnB.nextEvent(WAIT).get("type").stringValue()).isEqualTo("action");
		}
		SpanData action = this.spansA.awaitSpan("hpp action");
		SpanData delivery = this.spansA.awaitSpan("hpp delivery");
		this.spansA.assertChildOf(delivery, action);
		SpanData received = this.spansB.awaitSpan("hpp relay receive event");
		SpanData published = this.spansA.awaitSpan("the publication received on B",
				(span) -> span.getSpanId().equals(received.getParentSpanId()));
		assertThat(published.getName()).isEqualTo("hpp relay publish batch");
		assertThat(received.getTraceId()).isEqualTo(action.getTraceId());
		this.spansA.assertChildOf(published, action);
	}

	/**
	 * A batch queued while another instance holds the session's delivery lease is
	 * delivered by whichever instance takes the lease next, in the trace of the action
	 * that queued it.
	 */
	@Test
	void deliveryOnTheOtherInstanceJoinsTheTraceOfTheAction() throws Exception {
		HttpProbe httpA = new HttpProbe(port(this.a));
		HttpProbe httpB = new HttpProbe(port(this.b));
		JsonNode created = httpA.create("{}");
		String sid = created.get("sessionId").stringValue();
		String token = created.get("token").stringValue();
		try (WsProbe browserOnB = connectedOnB(sid, token)) {
			ReactiveStringRedisTemplate redis = this.a.getBean(ReactiveStringRedisTemplate.class);
			String lease = new RedisKeys(this.prefix).deliverer(sid);
			redis.opsForValue().set(lease, "an instance that stopped").block(WAIT);
			assertThat(httpA.post("/handshake/action/" + sid, token, action("Ada")).status()).isEqualTo(200);
			redis.delete(lease).block(WAIT);
			assertThat(httpB.post("/handshake/action/" + sid, token, action("Grace")).status()).isEqualTo(200);
			assertThat(browserOnB.nextEvent(WAIT).get("value").stringValue()).isEqualTo("Ada");
			assertThat(browserOnB.nextEvent(WAIT).get("type").stringValue()).isEqualTo("done");
			assertThat(browserOnB.nextEvent(WAIT).get("value").stringValue()).isEqualTo("Grace");
		}
		SpanData action = this.spansA.awaitSpan("hpp action");
		SpanData delivery = this.spansB.awaitSpan("the delivery of the batch queued on A",
				(span) -> span.getName().equals("hpp delivery") && span.getTraceId().equals(action.getTraceId()));
		SpanData queued = this.spansA.awaitSpan("hpp relay publish batch");
		SpanData taken = this.spansB.awaitSpan("the batch queued on A, taken on B",
				(span) -> span.getName().equals("hpp relay receive batch")
						&& span.getTraceId().equals(action.getTraceId()));
		assertThat(taken.getParentSpanId()).isEqualTo(queued.getSpanId());
		this.spansA.assertChildOf(queued, action);
		this.spansB.assertChildOf(delivery, taken);
		SpanData received = this.spansB.awaitSpan("the event of the batch queued on A",
				(span) -> span.getName().equals("hpp relay receive event")
						&& span.getTraceId().equals(action.getTraceId()));
		SpanData published = this.spansB.awaitSpan("the publication received on B",
				(span) -> span.getSpanId().equals(received.getParentSpanId()));
		assertThat(published.getName()).isEqualTo("hpp relay publish event");
		this.spansB.assertChildOf(published, delivery);
	}

	private WsProbe connectedOnB(String sid, String token) throws Exception {
		WsProbe browser = WsProbe.open(port(this.b), "/ws/handshake/" + sid + "?token=" + token);
		assertThat(browser.nextEvent(WAIT).get("type").stringValue()).isEqualTo("connected");
		return browser;
	}

	private static String action(String value) {
		return "{\"actions\": [{\"type\": \"set\", \"key\": \"name\", \"value\": \"%s\"}], \"intervalMs\": 0}"
			.formatted(value);
	}

	private ConfigurableApplicationContext instance(RecordedSpans spans) {
		return new SpringApplicationBuilder(HppTestApplication.class)
			.initializers((GenericApplicationContext context) -> context.registerBean(ObservationRegistry.class,
					spans::observationRegistry))
			.properties("server.port=0", "hpp.store.type=redis", "hpp.store.key-prefix=" + this.prefix,
					RedisFixture.connectionProperty())
			.run();
	}

	private static int port(ConfigurableApplicationContext context) {
		return context.getEnvironment().getRequiredProperty("local.server.port", Integer.class);
	}

}
