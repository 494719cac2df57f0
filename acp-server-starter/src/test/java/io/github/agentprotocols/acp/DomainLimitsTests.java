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

package io.github.agentprotocols.acp;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;

import io.github.agentprotocols.acp.EventDraft;
import org.junit.jupiter.api.Test;

import static io.github.agentprotocols.acp.TenantScopeTests.assertInvalid;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

/**
 * The limits of spec §1.1 and the shape rules of §2, enforced when domain values are
 * built.
 */
class DomainLimitsTests {

	private static final List<ContentPart> HI = List.of(new ContentPart.Text("hi"));

	@Test
	void metadataIsLimitedTo64KibOfJson() {
		String filler = "x".repeat(64 * 1024 - "{\"k\":\"\"}".length());
		assertThat(new EventDraft(null, HI, Map.of("k", filler)).metadata()).containsKey("k");
		assertInvalid(() -> new EventDraft(null, HI, Map.of("k", filler + "x")));
		assertInvalid(() -> new Identity(IdentityRole.USER, "u", "U", Map.of("k", filler + "é")));
		assertInvalid(() -> new NewThread(TenantScope.PUBLIC, Map.of("k", filler + "\n")));
	}

	@Test
	void messageContentHasOneToSixtyFourParts() {
		assertInvalid(() -> new EventDraft(null, List.of(), null));
		assertThat(new EventDraft(null, Collections.nCopies(64, HI.get(0)), null).content()).hasSize(64);
		assertInvalid(() -> new EventDraft(null, Collections.nCopies(65, HI.get(0)), null));
	}

	@Test
	void clientIdHasOneTo128Characters() {
		assertInvalid(() -> new EventDraft("", HI, null));
		assertThat(new EventDraft("c".repeat(128), HI, null).clientId()).hasSize(128);
		assertInvalid(() -> new EventDraft("c".repeat(129), HI, null));
	}

	@Test
	void assistantIdsAreOneToSixteenDistinctIds() {
		Identity alice = Identity.user("alice", "Alice");
		assertInvalid(() -> InvocationRequest.of(List.of(), alice, null, null));
		assertInvalid(() -> InvocationRequest.of(List.of("helper", "helper"), alice, null, null));
		List<String> sixteen = new ArrayList<>();
		for (int i = 0; i < 16; i++) {
			sixteen.add("a" + i);
		}
		assertThat(InvocationRequest.of(sixteen, alice, null, null).assistantIds()).hasSize(16);
		List<String> seventeen = new ArrayList<>(sixteen);
		seventeen.add("a16");
		assertInvalid(() -> InvocationRequest.of(seventeen, alice, null, null));
	}

	@Test
	void idempotencyKeyHasOneTo255Characters() {
		Identity alice = Identity.user("alice", "Alice");
		assertInvalid(() -> InvocationRequest.of(List.of("helper"), alice, "", null));
		assertThat(InvocationRequest.of(List.of("helper"), alice, "k".repeat(255), null).idempotencyKey()).hasSize(255);
		assertInvalid(() -> InvocationRequest.of(List.of("helper"), alice, "k".repeat(256), null));
	}

	@Test
	void identityIdHasOneTo256Characters() {
		assertInvalid(() -> Identity.user("", "U"));
		assertThat(Identity.user("u".repeat(256), "U").id()).hasSize(256);
		assertInvalid(() -> Identity.user("u".repeat(257), "U"));
	}

	@Test
	void threadPatchMustProvideAField() {
		assertInvalid(() -> new ThreadPatch(null, null));
		assertInvalid(() -> new ThreadPatch(new TenantScope(Map.of("org", "")), null));
		assertThat(new ThreadPatch(null, Map.of()).metadata()).isEmpty();
	}

	@Test
	void mediaPartsNeedUrlAndMimeAndNonNegativeSizes() {
		assertInvalid(() -> new ContentPart.Image("", "image/png", null, null));
		assertInvalid(() -> new ContentPart.Image("https://x/a.png", null, null, null));
		assertInvalid(() -> new ContentPart.Document("https://x/a.pdf", "application/pdf", null, -1L));
		assertInvalid(() -> new ContentPart.Audio("https://x/a.ogg", "audio/ogg", null, null, -1L));
		assertInvalid(() -> new ContentPart.Form("", Map.of(), ContentPart.FormStatus.PENDING, null, null, null, null));
	}

	@Test
	void jsonValuesAreCopiedImmutablyWithNormalizedNumbers() {
		Map<String, Object> metadata = new java.util.HashMap<>();
		metadata.put("n", 1);
		metadata.put("list", new ArrayList<>(List.of(1.5f)));
		metadata.put("nothing", null);
		Identity identity = new Identity(IdentityRole.USER, "u", "U", metadata);
		metadata.put("n", 2);
		assertThat(identity.metadata()).containsEntry("n", 1L)
			.containsEntry("list", List.of(1.5d))
			.containsEntry("nothing", null);
		assertThatIllegalArgumentException()
			.isThrownBy(() -> new Identity(IdentityRole.USER, "u", "U", Map.of("when", Instant.EPOCH)));
	}

	@Test
	void runEventsNeedARunAndThreadEventsHaveNone() {
		Identity helper = Identity.assistant("helper", "Helper");
		assertThatIllegalArgumentException().isThrownBy(() -> new Event("evt_1", "th_1", null, helper, Instant.EPOCH,
				null, null, new EventPayload.Reasoning("thinking")));
		assertThatIllegalArgumentException().isThrownBy(() -> new Event("evt_1", "th_1", "run_1", helper, Instant.EPOCH,
				null, null, new EventPayload.MemberAdded(helper)));
	}

	@Test
	void timestampsAreTruncatedToMicroseconds() {
		Event event = new Event("evt_1", "th_1", null, Identity.user("u", "U"),
				Instant.parse("2026-04-12T10:15:30.123456789Z"), null, null, new EventPayload.Message(HI));
		assertThat(event.createdAt()).isEqualTo(Instant.parse("2026-04-12T10:15:30.123456Z"));
	}

}
