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

package io.github.agentprotocols.acp.web;

import java.net.http.HttpRequest;
import java.util.List;
import java.util.Map;

import io.github.agentprotocols.acp.AcpBroadcast;
import io.github.agentprotocols.acp.EventPayload;
import io.github.agentprotocols.acp.Identity;
import io.github.agentprotocols.acp.InvocationRequest;
import io.github.agentprotocols.acp.NamespaceKeys;
import io.github.agentprotocols.acp.NewThread;
import io.github.agentprotocols.acp.TenantScope;
import io.github.agentprotocols.acp.ThreadStore;
import io.github.agentprotocols.acp.test.RecordingBroadcastListener;
import io.github.agentprotocols.acp.web.AcpHttp.Reply;
import io.github.agentprotocols.acp.wire.AcpJson;
import io.github.agentprotocols.testsupport.SpecItem;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The REST rules of namespace mode (spec §5.3) with {@code acp.namespace-keys=org}, over
 * real HTTP against the fixture of §10, for one kind of store. The tests do not depend on
 * an empty store: each works on threads of its own.
 */
abstract class AcpNamespaceRestContractTests {

	private static final String SYS_A = "{\"role\":\"system\",\"id\":\"sysA\",\"name\":\"sysA\","
			+ "\"metadata\":{\"tenant\":{\"org\":\"A\"}}}";

	@LocalServerPort
	int port;

	@Autowired
	ThreadStore store;

	@Autowired
	RecordingBroadcastListener broadcasts;

	@Autowired
	NamespaceKeys namespaceKeys;

	AcpHttp http;

	@BeforeEach
	void client() {
		this.http = new AcpHttp(this.port);
	}

	@Test
	void namespaceModeIsOnWithKeyOrg() {
		assertThat(this.namespaceKeys.keys()).containsExactly("org");
	}

	@Test
	@SpecItem("ACP-10.46")
	void newThreadWithoutAValidOrgIsInvalid() {
		Reply missing = this.http.post("alice", "/threads", "{\"tenant\":{}}").isError(400, "invalid_request");
		assertThat(missing.message()).isEqualTo("namespace_keys required but missing: [org]");
		this.http.post("alice", "/threads", "{}").isError(400, "invalid_request");
		this.http.post("alice", "/threads", "{\"tenant\":{\"ws\":\"X\"}}").isError(400, "invalid_request");
		this.http.post("alice", "/threads", "{\"tenant\":{\"org\":\"a b\"}}").isError(400, "invalid_request");
		this.http.post("alice", "/threads", "{\"tenant\":{\"org\":\"" + "A".repeat(33) + "\"}}")
			.isError(400, "invalid_request");
		this.http.post("alice", "/threads", "{\"tenant\":{\"org\":\"A\",\"ws\":\"X\"}}").ok();
	}

	@Test
	void namespaceKeysAreCheckedBeforeTheScopeRule() {
		this.http.post("alice", "/threads", "{\"tenant\":{\"org\":\"B!\"}}").isError(400, "invalid_request");
		this.http.post("alice", "/threads", "{\"tenant\":{\"org\":\"B\"}}").isError(403, "forbidden");
	}

	@Test
	@SpecItem("ACP-10.46")
	void callerWithoutAValidOrgIsForbiddenEverywhere() {
		String thread = this.http.createThread("alice", "{\"tenant\":{\"org\":\"A\"}}");
		for (String identity : List.of(identity("system", "sys", "{}"), identity("user", "dave", "{\"ws\":\"X\"}"),
				identity("user", "erin", "{\"org\":1}"), identity("user", "finn", "{\"org\":\"a b\"}"))) {
			assertThat(as(identity, "POST", "/threads", "{\"tenant\":{}}").isError(403, "forbidden").message())
				.startsWith("identity outside namespace_keys");
			as(identity, "GET", "/threads", null).isError(403, "forbidden");
			as(identity, "GET", "/threads/" + thread, null).isError(403, "forbidden");
			as(identity, "GET", "/threads/th_missing/events", null).isError(403, "forbidden");
			as(identity, "GET", "/runs/run_missing", null).isError(403, "forbidden");
		}
		this.http.post("sys", "/threads", "{\"tenant\":{\"org\":\"A\"}}").isError(403, "forbidden");
	}

	@Test
	void callerWithoutANamespaceIsForbiddenBeforeTheBodyIsRead() {
		this.http.post("sys", "/threads", "{").isError(403, "forbidden");
		this.http.send("sys", "POST", "/threads", "text/plain", "x").isError(403, "forbidden");
	}

	@Test
	void callersOfAnyOrgAreServed() {
		String a = this.http.createThread("alice", "{\"tenant\":{\"org\":\"A\"}}");
		String b = this.http.createThread("carol", "{\"tenant\":{\"org\":\"B\"}}");
		this.http.get("alice", "/threads/" + a).ok();
		this.http.get("carol", "/threads/" + b).ok();
		this.http.get("carol", "/threads/" + a).isError(404, "not_found");
		this.http.get("bob", "/threads/" + a).isError(403, "forbidden");
	}

	@Test
	void patchThatRemovesTheKeyOrSetsAnInvalidValueIsInvalid() {
		String thread = this.http.createThread("alice", "{\"tenant\":{\"org\":\"A\"}}");
		String path = "/threads/" + thread;
		this.http.patch("alice", path, "{\"tenant\":{}}").isError(400, "invalid_request");
		this.http.patch("alice", path, "{\"tenant\":{\"ws\":\"X\"}}").isError(400, "invalid_request");
		this.http.patch("alice", path, "{\"tenant\":{\"org\":\"A!\"}}").isError(400, "invalid_request");
		this.http.patch("alice", path, "{\"tenant\":{\"org\":\"" + "A".repeat(33) + "\"}}")
			.isError(400, "invalid_request");
		assertThat(this.http.get("alice", path).ok().get("tenant")).isEqualTo(AcpJson.parse("{\"org\":\"A\"}"));
		assertThat(this.broadcasts.kinds(thread)).containsExactly("thread.created", "MembersUpdated");
		JsonNode patched = this.http.patch("alice", path, "{\"tenant\":{\"org\":\"A\",\"ws\":\"X\"}}").ok();
		assertThat(patched.get("tenant")).isEqualTo(AcpJson.parse("{\"org\":\"A\",\"ws\":\"X\"}"));
		this.http.patch("alice", path, "{\"metadata\":{\"m\":1}}").ok();
	}

	@Test
	@SpecItem("ACP-10.48")
	void strandedThreadIsNotFoundOnEveryEndpointAndNothingIsBroadcast() {
		Identity alice = AcpRestTestApplication.users.get("alice");
		for (TenantScope tenant : List.of(TenantScope.PUBLIC, new TenantScope(Map.of("ws", "X")),
				new TenantScope(Map.of("org", "a b")))) {
			String thread = this.store.createThread(new NewThread(tenant, Map.of()), alice).block().thread().id();
			this.store.addMember(thread, Identity.assistant("helper", "helper"), "member", alice).block();
			String run = this.store.invoke(thread, InvocationRequest.of(List.of("helper"), alice, null, Map.of()))
				.block()
				.runs()
				.get(0)
				.run()
				.id();
			String path = "/threads/" + thread;
			this.http.get("alice", path).isError(404, "not_found");
			this.http.patch("alice", path, "{\"metadata\":{\"x\":1}}").isError(404, "not_found");
			this.http.get("alice", path + "/events").isError(404, "not_found");
			this.http.get("alice", path + "/members").isError(404, "not_found");
			addMember("alice", thread).isError(404, "not_found");
			as(SYS_A, "POST", path + "/members", memberBody()).isError(404, "not_found");
			this.http.delete("alice", path + "/members/helper").isError(404, "not_found");
			as(SYS_A, "DELETE", path + "/members/helper", null).isError(404, "not_found");
			this.http.post("alice", path + "/messages", "{\"content\":[{\"type\":\"text\",\"text\":\"hi\"}]}")
				.isError(404, "not_found");
			this.http.post("alice", path + "/invocations", "{\"assistant_ids\":[\"helper\"]}")
				.isError(404, "not_found");
			this.http.get("alice", "/runs/" + run).isError(404, "not_found");
			this.http.delete("alice", "/runs/" + run).isError(404, "not_found");
			this.http.delete("alice", path).isError(404, "not_found");
			assertThat(this.http.listAll("alice")).doesNotContain(thread);
			assertThat(this.store.findThread(thread).block()).isNotNull();
			assertThat(this.store.listMembers(thread).collectList().block()).hasSize(2);
			assertThat(this.broadcasts.received(thread)).isEmpty();
		}
	}

	@Test
	void listingReadsPastStrandedThreadsToFillItsPages() {
		Identity alice = AcpRestTestApplication.users.get("alice");
		String older = this.http.createThread("alice", "{\"tenant\":{\"org\":\"A\"}}");
		for (int i = 0; i < 3; i++) {
			this.store.createThread(new NewThread(TenantScope.PUBLIC, Map.of()), alice).block();
		}
		String newer = this.http.createThread("alice", "{\"tenant\":{\"org\":\"A\"}}");
		assertThat(ids(this.http.get("alice", "/threads?limit=2").ok())).containsExactly(newer, older);
		JsonNode first = this.http.get("alice", "/threads?limit=1").ok();
		assertThat(ids(first)).containsExactly(newer);
		JsonNode cursor = first.get("next_cursor");
		assertThat(cursor.get("id").stringValue()).isEqualTo(newer);
		JsonNode second = this.http
			.get("alice",
					"/threads?limit=1&cursor_created_at=" + AcpHttp.encode(cursor.get("created_at").stringValue())
							+ "&cursor_id=" + cursor.get("id").stringValue())
			.ok();
		assertThat(ids(second)).containsExactly(older);
	}

	@Test
	@SpecItem("ACP-10.49")
	void systemIdentityMovesAThreadToAnotherOrgAndTheBroadcastCarriesTheNewTenant() {
		String thread = this.http.createThread("alice", "{\"tenant\":{\"org\":\"A\"}}");
		this.http.post("alice", "/threads/" + thread + "/members", "{\"identity\":" + SYS_A + "}").ok();
		this.http.patch("alice", "/threads/" + thread, "{\"tenant\":{\"org\":\"B\"}}").isError(403, "forbidden");
		int before = this.broadcasts.received(thread).size();
		JsonNode moved = as(SYS_A, "PATCH", "/threads/" + thread, "{\"tenant\":{\"org\":\"B\"}}").ok();
		assertThat(moved.get("tenant")).isEqualTo(AcpJson.parse("{\"org\":\"B\"}"));
		List<AcpBroadcast> move = this.broadcasts.received(thread)
			.subList(before, this.broadcasts.received(thread).size());
		assertThat(move).hasSize(3);
		AcpBroadcast.ThreadRemoved removed = (AcpBroadcast.ThreadRemoved) move.get(0);
		assertThat(removed.reason()).isEqualTo(AcpBroadcast.ThreadRemoved.Reason.TENANT_CHANGED);
		assertThat(this.namespaceKeys.derivePath(removed.thread().tenant().entries())).isEqualTo("/B");
		EventPayload.TenantChanged changed = (EventPayload.TenantChanged) ((AcpBroadcast.EventAppended) move.get(1))
			.event()
			.payload();
		assertThat(this.namespaceKeys.derivePath(changed.from().entries())).isEqualTo("/A");
		assertThat(this.namespaceKeys.derivePath(changed.to().entries())).isEqualTo("/B");
		AcpBroadcast.ThreadUpdated updated = (AcpBroadcast.ThreadUpdated) move.get(2);
		assertThat(this.namespaceKeys.derivePath(updated.thread().tenant().entries())).isEqualTo("/B");
		this.http.get("alice", "/threads/" + thread).isError(404, "not_found");
		this.http.get("carol", "/threads/" + thread).isError(403, "forbidden");
	}

	private Reply addMember(String user, String thread) {
		return this.http.post(user, "/threads/" + thread + "/members", memberBody());
	}

	private static String memberBody() {
		return "{\"identity\":{\"role\":\"user\",\"id\":\"bob\",\"name\":\"bob\",\"metadata\":{}}}";
	}

	private Reply as(String identityJson, String method, String path, @Nullable String body) {
		return this.http.send("custom", method, path, (body != null) ? "application/json" : null,
				(body != null) ? HttpRequest.BodyPublishers.ofString(body) : HttpRequest.BodyPublishers.noBody(),
				"x-identity", identityJson);
	}

	private static String identity(String role, String id, String tenant) {
		return "{\"role\":\"" + role + "\",\"id\":\"" + id + "\",\"name\":\"" + id + "\",\"metadata\":{\"tenant\":"
				+ tenant + "}}";
	}

	private static List<String> ids(JsonNode page) {
		return page.get("items").values().stream().map((thread) -> thread.get("id").stringValue()).toList();
	}

}
