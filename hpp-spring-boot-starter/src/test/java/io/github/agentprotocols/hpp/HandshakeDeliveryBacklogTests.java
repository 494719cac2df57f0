package io.github.agentprotocols.hpp;

import java.time.Duration;

import io.github.agentprotocols.testsupport.SpecItem;
import io.github.agentprotocols.hpp.HttpProbe.Reply;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;

import static io.github.agentprotocols.hpp.HandshakeProtocolTests.assertError;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * A session's queue of paced batches is bounded by {@code hpp.pacing.max-queued-batches}:
 * while a batch is being delivered (here, paused for an hour after its event) and the
 * backlog is full, the next action request is answered 429 with nothing applied.
 */
@SpringBootTest(classes = HppTestApplication.class, webEnvironment = WebEnvironment.RANDOM_PORT,
		properties = { "hpp.pacing.max-interval=1h", "hpp.pacing.max-batch=1h", "hpp.pacing.max-queued-batches=1" })
@SpecItem("HPP-A13")
class HandshakeDeliveryBacklogTests extends RunningServerTests {

	static final Duration WAIT = Duration.ofSeconds(20);

	@Test
	void actionBeyondTheBacklogIsRefusedWithNothingApplied() throws Exception {
		Session s = create("{\"mode\":\"form-fill\"}");
		try (WsProbe ws = WsProbe.open(this.port, "/ws/handshake/" + s.sid() + "?token=" + s.token())) {
			assertThat(ws.nextEvent(WAIT).path("type").asString()).isEqualTo("connected");
			assertThat(action(s, "a").status()).isEqualTo(200);
			assertThat(ws.nextEvent(WAIT).path("key").asString()).isEqualTo("a");
			Reply waiting = action(s, "b");
			assertThat(waiting.status()).isEqualTo(200);
			assertThat(waiting.json().at("/broadcast/doneMessages").asInt()).isEqualTo(1);
			Reply refused = action(s, "c");
			assertError(refused, 429, "delivery backlog full");
			assertThat(refused.response().headers().firstValue("Retry-After")).hasValue("3600");
			JsonNode context = this.http.get("/handshake/context/" + s.sid(), s.token()).json().get("context");
			assertThat(context.has("b")).isTrue();
			assertThat(context.has("c")).isFalse();
		}
	}

	private Reply action(Session s, String key) {
		return this.http.post("/handshake/action/" + s.sid(), s.token(),
				"{\"actions\":[{\"type\":\"set\",\"key\":\"" + key + "\",\"value\":1}],\"intervalMs\":3600000}");
	}

}
