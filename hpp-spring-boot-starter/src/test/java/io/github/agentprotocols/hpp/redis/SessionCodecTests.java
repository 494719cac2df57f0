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
import java.time.Instant;
import java.util.List;

import io.github.agentprotocols.hpp.Change;
import io.github.agentprotocols.hpp.FieldOwner;
import io.github.agentprotocols.hpp.FieldValue;
import io.github.agentprotocols.hpp.HandshakeSession;
import io.github.agentprotocols.hpp.HttpProbe;
import io.github.agentprotocols.hpp.RequestWindow;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

public class SessionCodecTests {

	static final Instant T0 = Instant.parse("2026-06-24T14:33:15.123456789Z");

	static final HandshakeSession.WritePolicy POLICY = new HandshakeSession.WritePolicy(500, false);

	@Test
	void roundTripKeepsEveryPartOfTheState() {
		HandshakeSession session = richSession();
		HandshakeSession decoded = SessionCodec.decode(SessionCodec.encode(session));
		assertThat(decoded.getId()).isEqualTo("0123456789abcdef0123456789abcdef");
		assertThat(decoded.getToken()).isEqualTo("tok_-ABCDEFGHIJKLMNOPQRSTUVWXYZ01");
		assertThat(decoded.tokenMatches("tok_-ABCDEFGHIJKLMNOPQRSTUVWXYZ01")).isTrue();
		assertThat(decoded.getMode()).isEqualTo(session.getMode());
		assertThat(decoded.getSchema()).isEqualTo(session.getSchema());
		assertThat(decoded.getMeta()).isEqualTo(session.getMeta());
		assertThat(decoded.getOwner()).isEqualTo("alice");
		assertThat(decoded.getCreatedAt()).isEqualTo(session.getCreatedAt());
		assertThat(decoded.getDeadline()).isEqualTo(T0.plus(Duration.ofHours(24)));
		assertThat(decoded.getTtl()).isEqualTo(Duration.ofSeconds(1800 + 120));
		assertThat(decoded.getLastTouch()).isEqualTo(session.getLastTouch()).isEqualTo(T0.plusSeconds(7));
		assertThat(decoded.getLastStamp()).isEqualTo(session.getLastStamp());
		assertThat(decoded.getFields()).containsExactlyEntriesOf(session.getFields());
		assertThat(List.copyOf(decoded.getChanges())).containsExactlyElementsOf(session.getChanges());
		assertThat(decoded.getRequests().accepted()).containsExactlyElementsOf(session.getRequests().accepted());
		assertThat(decoded.getExtensions().accepted()).containsExactlyElementsOf(session.getExtensions().accepted());
		assertThat(SessionCodec.encode(decoded)).isEqualTo(SessionCodec.encode(session));
	}

	@Test
	void valuesKeepTheirJsonTypes() {
		HandshakeSession session = richSession();
		HandshakeSession decoded = SessionCodec.decode(SessionCodec.encode(session));
		assertThat(value(decoded, "int").isInt()).isTrue();
		assertThat(value(decoded, "int").toString()).isEqualTo("12");
		assertThat(value(decoded, "long").toString()).isEqualTo("3000000000");
		assertThat(value(decoded, "big").isBigInteger()).isTrue();
		assertThat(value(decoded, "big").toString()).isEqualTo("123456789012345678901234567890");
		assertThat(value(decoded, "float").toString()).isEqualTo("12.5");
		assertThat(value(decoded, "float").isFloatingPointNumber()).isTrue();
		assertThat(value(decoded, "bool").isBoolean()).isTrue();
		assertThat(value(decoded, "null").isNull()).isTrue();
		assertThat(value(decoded, "text").stringValue()).isEqualTo("x é \u2603 \"quoted\"\n");
		assertThat(value(decoded, "object").toString()).isEqualTo("{\"b\":[1,2.5,{\"c\":null}],\"a\":\"z\"}");
		assertThat(decoded.getFields().keySet()).containsExactlyElementsOf(session.getFields().keySet());
	}

	@Test
	void ownersAndChangeLogSurvive() {
		HandshakeSession decoded = SessionCodec.decode(SessionCodec.encode(richSession()));
		assertThat(decoded.getFields().get("empty").by()).isEqualTo(FieldOwner.EMPTY);
		assertThat(decoded.getFields().get("int").by()).isEqualTo(FieldOwner.USER);
		assertThat(decoded.getFields().get("agent").by()).isEqualTo(FieldOwner.AI);
		assertThat(decoded.getFields().get("edited").by()).isEqualTo(FieldOwner.USER_EDIT);
		Change last = decoded.getChanges().getLast();
		assertThat(last.key()).isEqualTo("edited");
		assertThat(last.from().toString()).isEqualTo("\"by agent\"");
		assertThat(last.to().toString()).isEqualTo("\"by user\"");
		assertThat(last.at()).isEqualTo(decoded.getLastStamp());
		assertThat(decoded.getChanges().getFirst().from().isNull()).isTrue();
		assertThat(decoded.write("edited", HttpProbe.json.readTree("1"), FieldOwner.AI, POLICY, T0.plusSeconds(9)))
			.isEqualTo(HandshakeSession.WriteOutcome.REFUSED);
	}

	@Test
	void rateWindowKeepsCountingAfterRoundTrip() {
		HandshakeSession session = richSession();
		for (int i = 0; i < 3; i++) {
			session.getRequests().tryAcquire(T0.plusSeconds(10), 5);
		}
		HandshakeSession decoded = SessionCodec.decode(SessionCodec.encode(session));
		assertThat(decoded.getRequests().tryAcquire(T0.plusSeconds(11), 5)).isTrue();
		assertThat(decoded.getRequests().tryAcquire(T0.plusSeconds(11), 5)).isFalse();
	}

	@Test
	void windowsKeptApartAreGivenBackOnDecoding() {
		HandshakeSession session = richSession();
		String text = SessionCodec.encodeWithoutWindows(session);
		assertThat(HttpProbe.json.readTree(text).has("requests")).isFalse();
		assertThat(HttpProbe.json.readTree(text).has("extensions")).isFalse();
		HandshakeSession decoded = SessionCodec.decode(text, RequestWindow.ofSummary(2, T0.plusSeconds(3)),
				RequestWindow.ofSummary(1, T0.plusSeconds(4)));
		assertThat(SessionCodec.encodeWithoutWindows(decoded)).isEqualTo(text);
		assertThat(decoded.getRequests().size(T0.plusSeconds(10))).isEqualTo(2);
		assertThat(decoded.getExtensions().retryAfterSeconds(T0.plusSeconds(10))).isEqualTo(54);
	}

	@Test
	void textWithItsOwnWindowsKeepsThem() {
		HandshakeSession session = richSession();
		HandshakeSession decoded = SessionCodec.decode(SessionCodec.encode(session),
				RequestWindow.ofSummary(5, T0.plusSeconds(5)), RequestWindow.ofSummary(5, T0.plusSeconds(5)));
		assertThat(decoded.getRequests().accepted()).containsExactlyElementsOf(session.getRequests().accepted());
		assertThat(decoded.getExtensions().accepted()).containsExactlyElementsOf(session.getExtensions().accepted());
	}

	@Test
	void expiryIsTheSameAfterRoundTrip() {
		HandshakeSession session = richSession();
		HandshakeSession decoded = SessionCodec.decode(SessionCodec.encode(session));
		Instant edge = session.getLastTouch().plus(session.getTtl());
		assertThat(decoded.isExpired(edge)).isFalse();
		assertThat(decoded.isExpired(edge.plusNanos(1))).isTrue();
		assertThat(decoded.expiresIn(T0.plusSeconds(100))).isEqualTo(session.expiresIn(T0.plusSeconds(100)));
	}

	@Test
	void anonymousSessionHasNoOwner() {
		HandshakeSession session = HandshakeSession.open("a", "b", HttpProbe.json.readTree("null"),
				HttpProbe.json.createArrayNode(), HttpProbe.json.createObjectNode(), HttpProbe.json.createObjectNode(),
				Duration.ofSeconds(5), Duration.ofSeconds(60), T0);
		HandshakeSession decoded = SessionCodec.decode(SessionCodec.encode(session));
		assertThat(decoded.getOwner()).isNull();
		assertThat(decoded.getMode().isNull()).isTrue();
		assertThat(decoded.getFields()).isEmpty();
	}

	@Test
	void refusesTextThatIsNoEncodedSession() {
		assertThatIllegalArgumentException().isThrownBy(() -> SessionCodec.decode("{\"id\":\"x\"}"))
			.withMessageContaining("format");
	}

	public static HandshakeSession richSession() {
		ObjectNode context = (ObjectNode) HttpProbe.json.readTree(
				"""
						{"int":12,"long":3000000000,"big":123456789012345678901234567890,"float":12.5,"bool":false,
						"null":null,"empty":"","text":"x é \\u2603 \\"quoted\\"\\n","object":{"b":[1,2.5,{"c":null}],"a":"z"}}""");
		ArrayNode schema = (ArrayNode) HttpProbe.json.readTree("""
				[{"key":"int","type":"int","required":true,"label":"Age","options":[1,2]},{"key":"agent"}]""");
		ObjectNode meta = (ObjectNode) HttpProbe.json.readTree("{\"page\":\"/form\",\"n\":1.25}");
		HandshakeSession session = HandshakeSession.open("0123456789abcdef0123456789abcdef",
				"tok_-ABCDEFGHIJKLMNOPQRSTUVWXYZ01", HttpProbe.json.readTree("{\"kind\":\"form-fill\"}"), schema, meta,
				context, Duration.ofSeconds(1800), Duration.ofHours(24), T0);
		session.setOwner("alice");
		session.write("agent", HttpProbe.json.readTree("[1,\"two\"]"), FieldOwner.AI, POLICY, T0.plusSeconds(1));
		session.write("edited", HttpProbe.json.readTree("\"by agent\""), FieldOwner.AI, POLICY, T0.plusSeconds(2));
		session.write("edited", HttpProbe.json.readTree("\"by user\""), FieldOwner.USER, POLICY, T0.plusSeconds(2));
		session.getRequests().tryAcquire(T0.plusSeconds(3), 60);
		session.getExtensions().tryAcquire(T0.plusSeconds(4), 10);
		session.extend(120, T0.plusSeconds(7));
		return session;
	}

	private static JsonNode value(HandshakeSession session, String key) {
		FieldValue field = session.getFields().get(key);
		return field.value();
	}

}
