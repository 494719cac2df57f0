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

package io.github.agentprotocols.happy.wire;

import java.nio.charset.StandardCharsets;

import com.code_intelligence.jazzer.junit.FuzzTest;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Plays a Happy server sending an {@code update} or an {@code ephemeral} event on the
 * socket (spec §5.3): its payload is read as the client's socket reads it, with
 * {@link HappyJson#read} into an {@link UpdateEnvelope} or an {@link Ephemeral}. Asserts
 * that the payload is refused with a {@link MalformedWireException} or read into a value
 * whose parts the client relies on are there (the body, the session and message ids and
 * the message content; not the envelope's own id, which it does not read; an ephemeral's
 * session or machine id and an event's kind); never another exception.
 */
class UpdateFuzzTests {

	@FuzzTest(maxDuration = "2m")
	void updatePayload(byte[] payload) {
		UpdateEnvelope envelope;
		try {
			envelope = HappyJson.read(new String(payload, StandardCharsets.UTF_8), UpdateEnvelope.class);
		}
		catch (MalformedWireException ex) {
			return;
		}
		Update body = envelope.body();
		assertThat(body).isNotNull();
		if (body instanceof Update.NewMessage message) {
			assertThat(message.sid()).isNotNull();
			assertThat(message.message()).isNotNull();
			assertThat(message.message().id()).isNotNull();
			assertThat(message.message().content()).isNotNull();
			assertThat(message.message().content().c()).isNotNull();
		}
		else if (body instanceof Update.UpdateSession session) {
			assertThat(session.id()).isNotNull();
		}
		else if (body instanceof Update.DeleteSession deleted) {
			assertThat(deleted.sid()).isNotNull();
		}
	}

	@FuzzTest(maxDuration = "2m")
	void ephemeralPayload(byte[] payload) {
		Ephemeral ephemeral;
		try {
			ephemeral = HappyJson.read(new String(payload, StandardCharsets.UTF_8), Ephemeral.class);
		}
		catch (MalformedWireException ex) {
			return;
		}
		assertThat(ephemeral).isNotNull();
		if (ephemeral instanceof Ephemeral.Activity activity) {
			assertThat(activity.id()).isNotNull();
		}
		else if (ephemeral instanceof Ephemeral.MachineActivity activity) {
			assertThat(activity.id()).isNotNull();
		}
		else if (ephemeral instanceof Ephemeral.SessionEvent event) {
			assertThat(event.sessionId()).isNotNull();
			assertThat(event.kind()).isNotNull();
		}
	}

}
