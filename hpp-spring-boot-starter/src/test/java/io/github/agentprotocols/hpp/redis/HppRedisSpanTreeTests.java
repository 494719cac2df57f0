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
 * carried by the Redis messages.
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

	@Test
	void deliveryOnTheOtherInstanceJoinsTheTraceOfTheAction() throws Exception {
		HttpProbe httpA = new HttpProbe(port(this.a));
		JsonNode created = httpA.create("{}");
		String sid = created.get("sessionId").stringValue();
		String token = created.get("token").stringValue();
		try (WsProbe browserOnB = WsProbe.open(port(this.b), "/ws/handshake/" + sid + "?token=" + token)) {
			assertThat(browserOnB.nextEvent(WAIT).get("type").stringValue()).isEqualTo("connected");
			assertThat(httpA.post("/handshake/action/" + sid, token,
					"{\"actions\": [{\"type\": \"set\", \"key\": \"name\", \"value\": \"Ada\"}], \"intervalMs\": 0}")
				.status()).isEqualTo(200);
			assertThat(browserOnB.nextEvent(WAIT).get("type").stringValue()).isEqualTo("action");
		}
		SpanData action = this.spansA.awaitSpan("hpp action");
		SpanData delivery = this.spansA.awaitSpan("hpp delivery");
		this.spansA.assertDescendantOf(delivery, action);
		SpanData received = this.spansB.awaitSpan("hpp relay receive event");
		SpanData published = this.spansA.awaitSpan("the publication received on B",
				(span) -> span.getSpanId().equals(received.getParentSpanId()));
		assertThat(published.getName()).isEqualTo("hpp relay publish event");
		assertThat(received.getTraceId()).isEqualTo(action.getTraceId());
		this.spansA.assertChildOf(published, delivery);
	}

	private ConfigurableApplicationContext instance(RecordedSpans spans) {
		return new SpringApplicationBuilder(HppTestApplication.class)
			.initializers((GenericApplicationContext context) -> context.registerBean(ObservationRegistry.class,
					spans::observationRegistry))
			.properties("server.port=0", "hpp.store.type=redis", "hpp.store.key-prefix=" + this.prefix,
					"spring.data.redis.url=" + RedisFixture.url())
			.run();
	}

	private static int port(ConfigurableApplicationContext context) {
		return context.getEnvironment().getRequiredProperty("local.server.port", Integer.class);
	}

}
