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

package io.github.agentprotocols.acp.wire;

import java.util.List;
import java.util.Map;

import io.github.agentprotocols.acp.AcpErrorCode;
import io.github.agentprotocols.acp.AcpException;
import io.github.agentprotocols.acp.ContentPart;
import io.github.agentprotocols.acp.EventDraft;
import io.github.agentprotocols.acp.Identity;
import io.github.agentprotocols.acp.IdentityRole;
import io.github.agentprotocols.acp.NewThread;
import io.github.agentprotocols.acp.TenantScope;
import io.github.agentprotocols.acp.ThreadPatch;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * Reading client input: which types are strict (W7), null and absent (W6), shapes and
 * limits (§1.1, §2.7, §2.8).
 */
class AcpJsonReadingTests {

	@Test
	void draftRejectsUnknownFieldsIncludingAuthor() {
		assertInvalid(() -> AcpJson
			.readEventDraft(AcpJson.parse("{\"content\":[{\"type\":\"text\",\"text\":\"hi\"}],\"extra\":1}")));
		assertInvalid(() -> AcpJson.readEventDraft(AcpJson.parse("{\"content\":[{\"type\":\"text\",\"text\":\"hi\"}],"
				+ "\"author\":{\"role\":\"user\",\"id\":\"bob\",\"name\":\"Bob\",\"metadata\":{}}}")));
	}

	@Test
	void draftNeedsContent() {
		assertInvalidWithMessage(() -> AcpJson.readEventDraft(AcpJson.parse("{\"client_id\":\"c1\"}")),
				"message draft must include content");
		assertInvalid(() -> AcpJson.readEventDraft(AcpJson.parse("{\"content\":[]}")));
		assertInvalid(() -> AcpJson.readEventDraft(AcpJson.parse("{\"content\":\"hi\"}")));
	}

	@Test
	void draftReadsClientIdContentAndMetadata() {
		EventDraft draft = AcpJson.readEventDraft(AcpJson
			.parse("{\"client_id\":\"c1\",\"content\":[{\"type\":\"text\",\"text\":\"hi\"}],\"metadata\":{\"m\":1}}"));
		assertThat(draft).isEqualTo(new EventDraft("c1", List.of(new ContentPart.Text("hi")), Map.of("m", 1L)));
	}

	@Test
	void nullMeansNotProvided() {
		EventDraft draft = AcpJson.readEventDraft(AcpJson
			.parse("{\"client_id\":null,\"content\":[{\"type\":\"text\",\"text\":\"hi\"}],\"metadata\":null}"));
		assertThat(draft.clientId()).isNull();
		assertThat(draft.metadata()).isEmpty();
		ContentPart image = AcpJson.readContentPart(
				AcpJson.parse("{\"type\":\"image\",\"url\":\"u\",\"mime\":\"image/png\",\"name\":null,\"size\":null}"));
		assertThat(image).isEqualTo(new ContentPart.Image("u", "image/png", null, null));
	}

	@Test
	void contentPartsAreStrict() {
		assertInvalid(() -> AcpJson.readContentPart(AcpJson.parse("{\"type\":\"image\",\"url\":\"u\"}")));
		assertInvalid(() -> AcpJson.readContentPart(AcpJson.parse("{\"type\":\"text\",\"text\":\"hi\",\"x\":1}")));
		assertInvalid(() -> AcpJson.readContentPart(AcpJson.parse("{\"text\":\"hi\"}")));
		assertInvalid(() -> AcpJson
			.readContentPart(AcpJson.parse("{\"type\":\"image\",\"url\":\"u\",\"mime\":\"image/png\",\"size\":1.5}")));
		assertInvalid(() -> AcpJson
			.readContentPart(AcpJson.parse("{\"type\":\"form\",\"form_id\":\"f\",\"schema\":{},\"status\":\"open\"}")));
		assertInvalid(() -> AcpJson.readContentPart(AcpJson.parse("[]")));
	}

	@Test
	void identitiesAreStrictAndNeedAKnownRole() {
		assertThat(AcpJson.readIdentity(AcpJson.parse("{\"role\":\"system\",\"id\":\"sys\"}")))
			.isEqualTo(new Identity(IdentityRole.SYSTEM, "sys", "", null));
		assertInvalid(() -> AcpJson.readIdentity(AcpJson.parse("{\"id\":\"bob\",\"name\":\"Bob\"}")));
		assertInvalid(() -> AcpJson.readIdentity(AcpJson.parse("{\"role\":\"robot\",\"id\":\"r\"}")));
		assertInvalid(() -> AcpJson.readIdentity(AcpJson.parse("{\"role\":\"user\",\"id\":\"bob\",\"email\":\"x\"}")));
		assertInvalid(() -> AcpJson.readIdentity(AcpJson.parse("{\"role\":\"user\",\"id\":7}")));
	}

	@Test
	void threadPatchIsStrictAndNeedsAField() {
		assertInvalid(() -> AcpJson.readThreadPatch(AcpJson.parse("{\"title\":\"x\",\"extra\":1}")));
		assertInvalid(() -> AcpJson.readThreadPatch(AcpJson.parse("{}")));
		assertInvalid(() -> AcpJson.readThreadPatch(AcpJson.parse("{\"tenant\":null,\"metadata\":null}")));
		assertInvalid(() -> AcpJson.readThreadPatch(AcpJson.parse("{\"tenant\":{\"org\":1}}")));
		assertThat(AcpJson.readThreadPatch(AcpJson.parse("{\"metadata\":{\"x\":1}}")))
			.isEqualTo(new ThreadPatch(null, Map.of("x", 1L)));
	}

	@Test
	void threadCreationBodyIgnoresUnknownKeysButChecksTheTenant() {
		assertThat(AcpJson.readNewThread(AcpJson.parse("{\"tenant\":{\"org\":\"A\"},\"extra\":1}")))
			.isEqualTo(new NewThread(new TenantScope(Map.of("org", "A")), null));
		assertThat(AcpJson.readNewThread(AcpJson.parse("{}"))).isEqualTo(new NewThread(TenantScope.PUBLIC, null));
		assertInvalid(() -> AcpJson.readNewThread(AcpJson.parse("{\"tenant\":{\"org\":\"\"}}")));
		assertInvalid(() -> AcpJson.readNewThread(AcpJson.parse("{\"tenant\":[\"org\"]}")));
	}

	@Test
	void cursorsAreStrictAndNeedATimestamp() {
		assertInvalid(() -> AcpJson.readCursor(AcpJson.parse("{\"id\":\"x\"}")));
		assertInvalid(() -> AcpJson.readCursor(AcpJson.parse("{\"created_at\":\"soon\",\"id\":\"x\"}")));
		assertInvalid(() -> AcpJson
			.readCursor(AcpJson.parse("{\"created_at\":\"2026-04-12T10:15:30Z\",\"id\":\"x\",\"page\":2}")));
	}

	@Test
	void malformedJsonIsAnInvalidRequest() {
		assertInvalid(() -> AcpJson.parse("{\"content\":"));
	}

	@Test
	void theModuleMapsAcpTypesOnly() {
		String json = "{\"role\":\"user\",\"id\":\"bob\",\"name\":\"Bob\",\"metadata\":{}}";
		Identity bob = AcpJson.mapper().readValue(json, Identity.class);
		assertThat(AcpJson.mapper().writeValueAsString(bob)).isEqualTo(json);
		assertThat(AcpJson.mapper().writeValueAsString(Map.of("someValue", 1))).isEqualTo("{\"someValue\":1}");
		assertThatExceptionOfType(AcpException.class)
			.isThrownBy(() -> AcpJson.mapper().readValue("{\"content\":[],\"x\":1}", EventDraft.class));
	}

	private static void assertInvalid(Executable action) {
		assertThatExceptionOfType(AcpException.class).isThrownBy(action::execute)
			.satisfies((ex) -> assertThat(ex.getCode()).isEqualTo(AcpErrorCode.INVALID_REQUEST));
	}

	private static void assertInvalidWithMessage(Executable action, String message) {
		assertThatExceptionOfType(AcpException.class).isThrownBy(action::execute)
			.satisfies((ex) -> assertThat(ex.getCode()).isEqualTo(AcpErrorCode.INVALID_REQUEST))
			.withMessage(message);
	}

}
