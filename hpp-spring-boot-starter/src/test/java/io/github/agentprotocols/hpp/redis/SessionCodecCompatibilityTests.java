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

import io.github.agentprotocols.hpp.Change;
import io.github.agentprotocols.hpp.FieldOwner;
import io.github.agentprotocols.hpp.HandshakeSession;
import io.github.agentprotocols.hpp.HttpProbe;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Sessions that an earlier version of the starter stored (in Redis, for example) decode
 * to the same state and encode to the same text.
 */
class SessionCodecCompatibilityTests {

	/**
	 * A session as the starter encoded it before its change log and windows were shared.
	 */
	static final String STORED = """
			{"format":1,"id":"0123456789abcdef0123456789abcdef","token":"tok_-ABCDEFGHIJKLMNOPQRSTUVWXYZ01",\
			"mode":{"kind":"form-fill"},"schema":[{"key":"name","required":true}],"meta":{"page":"/form"},\
			"owner":"alice","createdAt":"2026-06-24T14:33:15.123456Z","deadline":"2026-06-25T14:33:15.123456789Z",\
			"ttl":"PT32M","lastTouch":"2026-06-24T14:33:20.123456789Z","lastStamp":"2026-06-24T14:33:17.123457Z",\
			"fields":[{"key":"name","value":"Anne","by":"user_edit","at":"2026-06-24T14:33:17.123456Z"},\
			{"key":"address","value":{"city":"Paris"},"by":"user","at":"2026-06-24T14:33:15.123456Z"},\
			{"key":"tags","value":["a",1],"by":"ai","at":"2026-06-24T14:33:17.123457Z"}],\
			"changes":[{"key":"name","from":"","to":"Ann","by":"ai","at":"2026-06-24T14:33:16.123456Z"},\
			{"key":"name","from":"Ann","to":"Anne","by":"user_edit","at":"2026-06-24T14:33:17.123456Z"},\
			{"key":"tags","from":null,"to":["a",1],"by":"ai","at":"2026-06-24T14:33:17.123457Z"}],\
			"requests":["2026-06-24T14:33:18.123456789Z","2026-06-24T14:33:18.123456790Z"],\
			"extensions":["2026-06-24T14:33:19.123456789Z"]}""";

	private static final Instant T0 = Instant.parse("2026-06-24T14:33:15.123456789Z");

	@Test
	void storedSessionEncodesToTheSameText() {
		assertThat(SessionCodec.encode(SessionCodec.decode(STORED))).isEqualTo(STORED);
	}

	@Test
	void storedSessionKeepsItsState() {
		HandshakeSession session = SessionCodec.decode(STORED);
		assertThat(session.getOwner()).isEqualTo("alice");
		assertThat(session.getTtl()).isEqualTo(Duration.ofMinutes(32));
		assertThat(session.getFields().keySet()).containsExactly("name", "address", "tags");
		assertThat(session.getFields().get("name").by()).isEqualTo(FieldOwner.USER_EDIT);
		assertThat(session.getFields().get("address").value())
			.isEqualTo(HttpProbe.json.readTree("{\"city\":\"Paris\"}"));
		assertThat(session.recentChanges(50)).extracting(Change::key).containsExactly("name", "name", "tags");
		assertThat(session.missing()).isEmpty();
	}

	@Test
	void storedSessionStampsItsNextChangeAfterItsLastOne() {
		HandshakeSession session = SessionCodec.decode(STORED);
		session.write("note", HttpProbe.json.readTree("1"), FieldOwner.AI, new HandshakeSession.WritePolicy(500, false),
				T0);
		assertThat(session.recentChanges(1).get(0).at()).isEqualTo(Instant.parse("2026-06-24T14:33:17.123458Z"));
	}

	@Test
	void storedRequestWindowKeepsCounting() {
		HandshakeSession session = SessionCodec.decode(STORED);
		Instant now = T0.plusSeconds(30);
		assertThat(session.getRequests().tryAcquire(now, 3)).isTrue();
		assertThat(session.getRequests().tryAcquire(now, 3)).isFalse();
		assertThat(session.getRequests().retryAfterSeconds(now)).isEqualTo(33);
		assertThat(session.getExtensions().isFull(now, 1)).isTrue();
	}

}
