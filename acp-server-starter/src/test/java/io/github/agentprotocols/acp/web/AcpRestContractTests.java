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

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;

import io.github.agentprotocols.acp.AcpBroadcast;
import io.github.agentprotocols.acp.AnalyticsEvent;
import io.github.agentprotocols.acp.Event;
import io.github.agentprotocols.acp.Identity;
import io.github.agentprotocols.acp.Run;
import io.github.agentprotocols.acp.RunStatus;
import io.github.agentprotocols.acp.ThreadStore;
import io.github.agentprotocols.acp.run.RunExecutor;
import io.github.agentprotocols.acp.test.RecordingBroadcastListener;
import io.github.agentprotocols.acp.web.AcpHttp.Reply;
import io.github.agentprotocols.acp.web.AcpRestFixtureAssistants.Forger;
import io.github.agentprotocols.acp.web.AcpRestFixtureAssistants.RecordingAnalyticsSink;
import io.github.agentprotocols.acp.web.AcpRestFixtureAssistants.Slow;
import io.github.agentprotocols.acp.web.AcpRestTestApplication.SpyAuthorizer;
import io.github.agentprotocols.acp.wire.AcpJson;
import io.github.agentprotocols.acp.wire.AcpTimestamps;
import io.github.agentprotocols.testsupport.SpecItem;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import tools.jackson.databind.JsonNode;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The REST API of spec §4 over real HTTP, against the fixture of §10, for one kind of
 * store: each subclass runs every test on its store, emptied before each test. Invoked
 * assistants run on the starter's executor; the items that need a setting of their own
 * start a {@link SeparateApplication} on the same store.
 */
@ExtendWith(OutputCaptureExtension.class)
abstract class AcpRestContractTests {

	private static final String TIMESTAMP = "^\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\d\\.\\d{6}Z$";

	private static final Duration WAIT = Duration.ofSeconds(30);

	@LocalServerPort
	int port;

	@Autowired
	ThreadStore store;

	@Autowired
	SpyAuthorizer authorizer;

	@Autowired
	RecordingBroadcastListener broadcasts;

	@Autowired
	RunExecutor executor;

	@Autowired
	Slow slow;

	@Autowired
	Forger forger;

	@Autowired
	RecordingAnalyticsSink analytics;

	AcpHttp http;

	/**
	 * Empties the store.
	 */
	protected abstract void resetStore();

	/**
	 * The properties that give a {@link SeparateApplication} this class's kind of store.
	 * @return the properties, {@code name=value}
	 */
	protected abstract List<String> storeProperties();

	@BeforeEach
	void reset() {
		resetStore();
		this.authorizer.reset();
		this.broadcasts.clear();
		this.slow.reset();
		this.analytics.clear();
		this.http = new AcpHttp(this.port);
	}

	@AfterEach
	void cancelHeldRuns() {
		SeparateApplication.cancelHeldRuns(this.executor);
	}

	/**
	 * Thread "T" of the fixture: alice's, tenant {org:A}, every fixture assistant a
	 * member.
	 */
	String fixtureThread() {
		return fixtureThread(this.http);
	}

	static String fixtureThread(AcpHttp http) {
		String thread = http.createThread("alice", "{\"tenant\":{\"org\":\"A\"}}");
		for (String assistant : AcpRestFixtureAssistants.members) {
			addAssistant(http, thread, assistant);
		}
		return thread;
	}

	/**
	 * A thread of alice's whose only other member is one assistant.
	 */
	String threadWith(String assistant) {
		String thread = this.http.createThread("alice", "{}");
		addAssistant(this.http, thread, assistant);
		return thread;
	}

	static void addAssistant(AcpHttp http, String thread, String assistant) {
		http.post("alice", "/threads/" + thread + "/members",
				"{\"identity\":{\"role\":\"assistant\",\"id\":\"" + assistant + "\",\"name\":\"" + assistant + "\"}}")
			.ok();
	}

	static JsonNode json(String json) {
		return AcpJson.parse(json);
	}

	List<String> eventTypes(String thread) {
		return types(events(this.http, thread));
	}

	static List<JsonNode> events(AcpHttp http, String thread) {
		List<JsonNode> events = new ArrayList<>();
		http.get("alice", "/threads/" + thread + "/events?limit=500").ok().get("items").values().forEach(events::add);
		return events;
	}

	/** The events of one run in a thread's log, in log order. */
	static List<JsonNode> runEvents(AcpHttp http, String thread, String run) {
		return events(http, thread).stream().filter((event) -> run.equals(event.get("run_id").stringValue())).toList();
	}

	static List<String> types(List<JsonNode> events) {
		return events.stream().map((event) -> event.get("type").stringValue()).toList();
	}

	Reply addMember(String user, String thread, String id) {
		return this.http.post(user, "/threads/" + thread + "/members",
				"{\"identity\":{\"role\":\"user\",\"id\":\"" + id + "\",\"name\":\"" + id + "\",\"metadata\":{}}}");
	}

	/** Invokes one assistant on a thread as alice and returns the new run's id. */
	String startRun(String thread, String assistant) {
		return startRun(this.http, thread, assistant);
	}

	static String startRun(AcpHttp http, String thread, String assistant) {
		Reply invoked = http.post("alice", "/threads/" + thread + "/invocations",
				"{\"assistant_ids\":[\"" + assistant + "\"]}");
		assertThat(invoked.status()).as(invoked.toString()).isEqualTo(201);
		return invoked.json().get("runs").get(0).get("id").stringValue();
	}

	Reply invoke(String user, String thread, String body) {
		return this.http.post(user, "/threads/" + thread + "/invocations", body);
	}

	/** Reads a run as alice until its status is terminal, and returns it. */
	static JsonNode awaitEnded(AcpHttp http, String run) {
		AtomicReference<JsonNode> read = new AtomicReference<>();
		await().atMost(WAIT).until(() -> {
			read.set(http.get("alice", "/runs/" + run).ok());
			return RunStatus.fromWireName(read.get().get("status").stringValue()).isTerminal();
		});
		return read.get();
	}

	static void awaitStatus(AcpHttp http, String run, String status) {
		await().atMost(WAIT)
			.until(() -> http.get("alice", "/runs/" + run).ok().get("status").stringValue().equals(status));
	}

	/** Waits until a run's {@code run:updated} statuses are exactly these. */
	static void awaitStatuses(RecordingBroadcastListener broadcasts, String run, String... statuses) {
		await().atMost(WAIT)
			.untilAsserted(() -> assertThat(broadcasts.statusesOf(run)).extracting(RunStatus::wireName)
				.containsExactly(statuses));
	}

	/** Waits for the first {@code run:updated} of an assistant's run on a thread. */
	Run awaitRunOf(String thread, String assistant) {
		await().atMost(WAIT)
			.until(() -> this.broadcasts.runUpdates(thread)
				.stream()
				.anyMatch((run) -> run.assistantId().equals(assistant)));
		return this.broadcasts.runUpdates(thread)
			.stream()
			.filter((run) -> run.assistantId().equals(assistant))
			.findFirst()
			.orElseThrow();
	}

	/**
	 * The ids of the runs created on a thread, each once: one {@code run:updated} pending
	 * each.
	 */
	static List<String> createdRuns(RecordingBroadcastListener broadcasts, String thread) {
		return broadcasts.runUpdates(thread)
			.stream()
			.filter((run) -> run.status() == RunStatus.PENDING)
			.map(Run::id)
			.toList();
	}

	@Test
	@SpecItem("ACP-10.4")
	void requestWithoutCallerIsAnswered401() {
		this.http.post(null, "/threads", "{}").isError(401, "unauthenticated");
		this.http.get("nobody", "/threads/th_missing").isError(401, "unauthenticated");
	}

	@Test
	void identityNoStoreCanKeepIsAnswered400() {
		// PostgreSQL keeps no NUL in text or jsonb: the caller's identity is refused
		// as request bodies are, before any store sees it
		for (String identity : List.of("{\"role\":\"user\",\"id\":\"a\\u0000b\"}",
				"{\"role\":\"user\",\"id\":\"a\",\"name\":\"\\u0000\"}",
				"{\"role\":\"user\",\"id\":\"a\",\"metadata\":{\"tenant\":{\"org\":\"A\\u0000\"}}}")) {
			assertThat(this.http.asIdentity(identity, "GET", "/threads").isError(400, "invalid_request").message())
				.as(identity)
				.isEqualTo("identity must not contain NUL characters");
		}
	}

	@Test
	void failingAuthenticatorIsAnswered500NotUnauthenticated() {
		Reply reply = this.http.get("explode", "/threads").isError(500, "internal_error");
		assertThat(reply.body()).doesNotContain("authenticator down").doesNotContain("Exception");
	}

	@Test
	@SpecItem("ACP-10.5")
	@SpecItem("ACP-10.2")
	void createdThreadHasCreatorAsOnlyMemberAndThreadCreatedEvent() {
		JsonNode thread = this.http.post("alice", "/threads", "{\"tenant\":{\"org\":\"A\"},\"metadata\":{\"t\":1}}")
			.ok();
		String id = thread.get("id").stringValue();
		assertThat(id).matches("^th_[0-9a-f]{8}-[0-9a-f]{4}-7[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$");
		assertThat(thread.get("tenant")).isEqualTo(json("{\"org\":\"A\"}"));
		assertThat(thread.get("metadata")).isEqualTo(json("{\"t\":1}"));
		assertThat(thread.get("created_at").stringValue()).matches(TIMESTAMP);
		assertThat(thread.get("updated_at").stringValue()).matches(TIMESTAMP);
		JsonNode members = this.http.get("alice", "/threads/" + id + "/members").ok();
		assertThat(members.isArray()).isTrue();
		assertThat(members.size()).isEqualTo(1);
		assertThat(members.get(0).get("identity_id").stringValue()).isEqualTo("alice");
		assertThat(members.get(0).get("role").stringValue()).isEqualTo("member");
		assertThat(members.get(0).get("added_by").get("id").stringValue()).isEqualTo("alice");
		JsonNode events = this.http.get("alice", "/threads/" + id + "/events").ok().get("items");
		assertThat(events.size()).isEqualTo(1);
		JsonNode created = events.get(0);
		assertThat(created.get("type").stringValue()).isEqualTo("thread.created");
		assertThat(created.get("thread").get("tenant")).isEqualTo(json("{\"org\":\"A\"}"));
		assertThat(created.get("id").stringValue())
			.matches("^evt_[0-9a-f]{8}-[0-9a-f]{4}-7[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$");
		assertThat(created.get("created_at").stringValue()).matches(TIMESTAMP);
		assertThat(created.get("run_id").isNull()).isTrue();
		assertThat(this.broadcasts.kinds(id)).containsExactly("thread.created", "MembersUpdated");
	}

	@Test
	@SpecItem("ACP-10.6")
	void creatingOutsideOwnScopeIsForbiddenExceptForSystem() {
		this.http.post("alice", "/threads", "{\"tenant\":{\"org\":\"B\"}}").isError(403, "forbidden");
		assertThat(this.http.post("sys", "/threads", "{\"tenant\":{\"org\":\"B\"}}").status()).isEqualTo(201);
		assertThat(this.http.listAll("carol")).hasSize(1);
	}

	@Test
	@SpecItem("ACP-10.7")
	void unknownKeysAreIgnoredOnCreateButRefusedOnPatchAndDraft() {
		String thread = this.http.createThread("alice", "{\"tenant\":{\"org\":\"A\"},\"extra\":1}");
		this.http.patch("alice", "/threads/" + thread, "{\"title\":\"x\",\"extra\":1}").isError(400, "invalid_request");
		this.http
			.post("alice", "/threads/" + thread + "/messages",
					"{\"content\":[{\"type\":\"text\",\"text\":\"hi\"}],\"extra\":1}")
			.isError(400, "invalid_request");
		assertThat(eventTypes(thread)).containsExactly("thread.created");
	}

	@Test
	@SpecItem("ACP-10.8")
	void listingShowsTheThreadsVisibleByTenant() {
		String t1 = this.http.createThread("sys", "{\"tenant\":{\"org\":\"A\",\"ws\":\"X\"}}");
		String t2 = this.http.createThread("sys", "{\"tenant\":{\"org\":\"A\"}}");
		String t3 = this.http.createThread("sys", "{\"tenant\":{\"org\":\"B\"}}");
		String t4 = this.http.createThread("sys", "{\"tenant\":{}}");
		assertThat(this.http.listAll("bob")).containsExactlyInAnyOrder(t2, t4);
		assertThat(this.http.listAll("alice")).containsExactlyInAnyOrder(t1, t2, t4);
		assertThat(this.http.listAll("carol")).containsExactlyInAnyOrder(t3, t4);
		assertThat(this.http.listAll("sys")).containsExactly(t4);
	}

	@Test
	@SpecItem("ACP-10.1")
	void visibilityFollowsTheTenantTruthTable() {
		record Row(String threadTenant, String identityMetadata, boolean visible) {
		}
		List<Row> rows = List.of(
				new Row("{\"org\":\"A\",\"ws\":\"X\"}", "{\"tenant\":{\"org\":\"A\",\"ws\":\"X\"}}", true),
				new Row("{\"org\":\"A\",\"ws\":\"X\"}", "{\"tenant\":{\"org\":\"A\",\"ws\":\"Y\"}}", false),
				new Row("{\"org\":\"A\"}", "{\"tenant\":{\"org\":\"A\",\"ws\":\"X\"}}", true),
				new Row("{}", "{\"tenant\":{}}", true), new Row("{}", "{\"tenant\":{\"org\":\"Z\"}}", true),
				new Row("{\"org\":\"A\"}", "{}", false),
				new Row("{\"org\":\"A\"}", "{\"tenant\":{\"org\":\"a\"}}", false),
				new Row("{\"org\":\"A\",\"ws\":\"X\"}", "{\"tenant\":{\"org\":\"A\"}}", false),
				new Row("{\"org\":\"A\"}", "{\"tenant\":{\"org\":\"B\",\"ws\":\"X\"}}", false),
				new Row("{\"org\":\"1\"}", "{\"tenant\":{\"org\":1}}", false),
				new Row("{\"org\":\"A\"}", "{\"tenant\":\"A\"}", false));
		for (Row row : rows) {
			resetStore();
			String thread = this.http.createThread("sys", "{\"tenant\":" + row.threadTenant() + "}");
			String identity = "{\"role\":\"user\",\"id\":\"probe\",\"name\":\"\",\"metadata\":" + row.identityMetadata()
					+ "}";
			JsonNode listed = this.http.asIdentity(identity, "GET", "/threads").ok().get("items");
			assertThat(listed.size()).as(row.toString()).isEqualTo(row.visible() ? 1 : 0);
			Reply read = this.http.asIdentity(identity, "GET", "/threads/" + thread);
			if (row.visible()) {
				read.isError(403, "forbidden");
			}
			else {
				read.isError(404, "not_found");
			}
		}
	}

	@Test
	@SpecItem("ACP-10.9")
	void listingPagesFollowTheirCursors() {
		String first = this.http.createThread("sys", "{\"tenant\":{\"org\":\"B\"}}");
		String second = this.http.createThread("sys", "{\"tenant\":{\"org\":\"B\"}}");
		String third = this.http.createThread("sys", "{\"tenant\":{\"org\":\"B\"}}");
		JsonNode page = this.http.get("carol", "/threads?limit=2").ok();
		assertThat(ids(page)).containsExactly(third, second);
		JsonNode cursor = page.get("next_cursor");
		assertThat(cursor.get("id").stringValue()).isEqualTo(second);
		assertThat(cursor.get("created_at").stringValue()).matches(TIMESTAMP)
			.isEqualTo(page.get("items").get(1).get("created_at").stringValue());
		JsonNode next = this.http
			.get("carol",
					"/threads?limit=2&cursor_created_at=" + AcpHttp.encode(cursor.get("created_at").stringValue())
							+ "&cursor_id=" + AcpHttp.encode(cursor.get("id").stringValue()))
			.ok();
		assertThat(ids(next)).containsExactly(first);
		assertThat(next.get("next_cursor").isNull()).isTrue();
		this.http.get("carol", "/threads?limit=0").isError(400, "invalid_request");
		this.http.get("carol", "/threads?limit=201").isError(400, "invalid_request");
		this.http.get("carol", "/threads?cursor_id=" + second).isError(400, "invalid_request");
		this.http.get("carol", "/threads?cursor_created_at=2026-01-01T00:00:00Z").isError(400, "invalid_request");
		this.http.get("carol", "/threads?cursor_created_at=yesterday&cursor_id=x").isError(400, "invalid_request");
	}

	@Test
	void aCursorInAnotherOffsetOrPrecisionSelectsTheSameThreads() {
		this.http.createThread("sys", "{\"tenant\":{\"org\":\"B\"}}");
		JsonNode last = this.http.get("carol", "/threads").ok().get("items").get(0);
		Instant createdAt = AcpTimestamps.parse(last.get("created_at").stringValue());
		String offset = createdAt.atOffset(java.time.ZoneOffset.ofHours(2)).toString();
		JsonNode after = this.http
			.get("carol", "/threads?cursor_created_at=" + AcpHttp.encode(offset) + "&cursor_id=zzz")
			.ok();
		assertThat(ids(after)).containsExactly(last.get("id").stringValue());
	}

	private static List<String> ids(JsonNode page) {
		List<String> ids = new ArrayList<>();
		page.get("items").values().forEach((item) -> ids.add(item.get("id").stringValue()));
		return ids;
	}

	@Test
	@SpecItem("ACP-10.10")
	void invisibleThreadIsNotFoundAndVisibleOneNeedsMembership() {
		String thread = fixtureThread();
		this.http.get("carol", "/threads/" + thread).isError(404, "not_found");
		Reply bob = this.http.get("bob", "/threads/" + thread).isError(403, "forbidden");
		assertThat(bob.message()).isEqualTo("not a member of this thread");
		this.http.get("bob", "/threads/" + thread + "/events").isError(403, "forbidden");
		this.http.get("bob", "/threads/" + thread + "/members").isError(403, "forbidden");
		this.http.get("alice", "/threads/th_missing").isError(404, "not_found");
	}

	@Test
	@SpecItem("ACP-10.11")
	void metadataPatchReplacesMetadataAndWritesNoEvent() {
		String thread = this.http.createThread("alice", "{\"tenant\":{\"org\":\"A\"},\"metadata\":{\"old\":true}}");
		JsonNode before = this.http.get("alice", "/threads/" + thread).ok();
		JsonNode after = this.http.patch("alice", "/threads/" + thread, "{\"metadata\":{\"x\":1}}").ok();
		assertThat(after.get("metadata")).isEqualTo(json("{\"x\":1}"));
		assertThat(AcpTimestamps.parse(after.get("updated_at").stringValue()))
			.isAfter(AcpTimestamps.parse(before.get("updated_at").stringValue()));
		assertThat(eventTypes(thread)).containsExactly("thread.created");
		assertThat(this.broadcasts.kinds(thread)).containsExactly("thread.created", "MembersUpdated", "ThreadUpdated");
	}

	@Test
	@SpecItem("ACP-10.12")
	void tenantPatchLogsTheChange() {
		String thread = this.http.createThread("alice", "{\"tenant\":{\"org\":\"A\"}}");
		JsonNode after = this.http.patch("alice", "/threads/" + thread, "{\"tenant\":{\"org\":\"A\",\"ws\":\"X\"}}")
			.ok();
		assertThat(after.get("tenant")).isEqualTo(json("{\"org\":\"A\",\"ws\":\"X\"}"));
		JsonNode events = this.http.get("alice", "/threads/" + thread + "/events?types=thread.tenant_changed")
			.ok()
			.get("items");
		assertThat(events.size()).isEqualTo(1);
		assertThat(events.get(0).get("from")).isEqualTo(json("{\"org\":\"A\"}"));
		assertThat(events.get(0).get("to")).isEqualTo(json("{\"org\":\"A\",\"ws\":\"X\"}"));
		assertThat(events.get(0).get("author").get("id").stringValue()).isEqualTo("alice");
		assertThat(this.broadcasts.kinds(thread)).containsExactly("thread.created", "MembersUpdated", "ThreadRemoved",
				"thread.tenant_changed", "ThreadUpdated");
	}

	@Test
	@SpecItem("ACP-10.13")
	void emptyPatchIsInvalidAndForeignTenantForbidden() {
		String thread = this.http.createThread("alice", "{\"tenant\":{\"org\":\"A\"}}");
		this.http.patch("alice", "/threads/" + thread, "{}").isError(400, "invalid_request");
		this.http.patch("alice", "/threads/" + thread, "{\"tenant\":{\"org\":\"B\"}}").isError(403, "forbidden");
		assertThat(this.http.get("alice", "/threads/" + thread).ok().get("tenant")).isEqualTo(json("{\"org\":\"A\"}"));
	}

	@Test
	@SpecItem("ACP-10.14")
	void deleteNeedsMembershipAndAuthorization() {
		String thread = fixtureThread();
		this.http.delete("bob", "/threads/" + thread).isError(403, "forbidden");
		this.authorizer.denied.add(io.github.agentprotocols.acp.AcpAction.THREAD_DELETE);
		Reply denied = this.http.delete("alice", "/threads/" + thread).isError(403, "forbidden");
		assertThat(denied.message()).isEqualTo("not authorized: thread.delete");
		this.authorizer.denied.clear();
		assertThat(this.http.delete("alice", "/threads/" + thread).status()).isEqualTo(204);
		this.http.get("alice", "/threads/" + thread).isError(404, "not_found");
	}

	@Test
	@SpecItem("ACP-10.15")
	void addingAMemberIsIdempotent() {
		String thread = fixtureThread();
		List<String> before = eventTypes(thread);
		this.broadcasts.clear();
		Reply added = addMember("alice", thread, "bob");
		assertThat(added.status()).isEqualTo(201);
		JsonNode member = added.json();
		assertThat(member.get("identity").get("id").stringValue()).isEqualTo("bob");
		assertThat(member.get("added_by").get("id").stringValue()).isEqualTo("alice");
		List<String> after = eventTypes(thread);
		assertThat(after).hasSize(before.size() + 1).endsWith("thread.member_added");
		Reply again = this.http.post("alice", "/threads/" + thread + "/members",
				"{\"identity\":{\"role\":\"user\",\"id\":\"bob\",\"name\":\"Bob\"},\"role\":\"owner\"}");
		assertThat(again.status()).isEqualTo(200);
		assertThat(again.json().get("added_at").stringValue()).isEqualTo(member.get("added_at").stringValue());
		assertThat(again.json().get("role").stringValue()).isEqualTo("member");
		assertThat(eventTypes(thread)).isEqualTo(after);
		assertThat(this.broadcasts.kinds(thread)).containsExactly("thread.member_added", "MembersUpdated");
		AcpBroadcast.MembersUpdated members = (AcpBroadcast.MembersUpdated) this.broadcasts.received(thread).get(1);
		assertThat(members.members()).extracting(Identity::id).startsWith("alice").endsWith("bob");
	}

	@Test
	@SpecItem("ACP-10.16")
	void removingANonMemberChangesNothingAndARemovedMemberLosesAccess() {
		String thread = fixtureThread();
		addMember("alice", thread, "bob").ok();
		List<String> before = eventTypes(thread);
		this.broadcasts.clear();
		assertThat(this.http.delete("alice", "/threads/" + thread + "/members/carol").status()).isEqualTo(204);
		assertThat(eventTypes(thread)).isEqualTo(before);
		assertThat(this.broadcasts.kinds(thread)).isEmpty();
		assertThat(this.http.get("bob", "/threads/" + thread).status()).isEqualTo(200);
		this.broadcasts.clear();
		assertThat(this.http.delete("alice", "/threads/" + thread + "/members/bob").status()).isEqualTo(204);
		assertThat(eventTypes(thread)).hasSize(before.size() + 1).endsWith("thread.member_removed");
		assertThat(this.broadcasts.kinds(thread)).containsExactly("thread.member_removed", "MembersUpdated",
				"ThreadRemoved");
		AcpBroadcast.ThreadRemoved removed = (AcpBroadcast.ThreadRemoved) this.broadcasts.received(thread).get(2);
		assertThat(removed.reason()).isEqualTo(AcpBroadcast.ThreadRemoved.Reason.MEMBER_REMOVED);
		assertThat(removed.identityId()).isEqualTo("bob");
		this.http.get("bob", "/threads/" + thread).isError(403, "forbidden");
	}

	@Test
	void memberIdsInThePathAreUrlDecoded() {
		String thread = fixtureThread();
		addMember("alice", thread, "team/eve ü").ok();
		assertThat(
				this.http.delete("alice", "/threads/" + thread + "/members/" + AcpHttp.encode("team/eve ü")).status())
			.isEqualTo(204);
		assertThat(eventTypes(thread)).endsWith("thread.member_removed");
	}

	@Test
	void removingAnAssistantCancelsItsActiveRun() {
		String thread = fixtureThread();
		String run = startRun(thread, "slow");
		assertThat(this.http.delete("alice", "/threads/" + thread + "/members/slow").status()).isEqualTo(204);
		assertThat(awaitEnded(this.http, run).get("status").stringValue()).isEqualTo("cancelled");
		assertThat(types(runEvents(this.http, thread, run))).endsWith("run.cancelled").doesNotContain("message");
	}

	@Test
	void systemIdentityAdministersMembersOfThreadsItCannotRead() {
		String thread = fixtureThread();
		this.http.get("sys", "/threads/" + thread).isError(404, "not_found");
		assertThat(addMember("sys", thread, "bob").status()).isEqualTo(201);
		assertThat(this.http.delete("sys", "/threads/" + thread + "/members/bob").status()).isEqualTo(204);
		assertThat(addMember("carol", thread, "bob").status()).isEqualTo(404);
	}

	@Test
	@SpecItem("ACP-10.17")
	void postedMessageIsAuthoredByTheCallerAndBroadcast() {
		String thread = fixtureThread();
		this.broadcasts.clear();
		Reply reply = this.http.post("alice", "/threads/" + thread + "/messages",
				"{\"client_id\":\"c1\",\"content\":[{\"type\":\"text\",\"text\":\"hi\"}]}");
		assertThat(reply.status()).isEqualTo(201);
		JsonNode event = reply.json();
		assertThat(event.get("type").stringValue()).isEqualTo("message");
		assertThat(event.get("author").get("id").stringValue()).isEqualTo("alice");
		assertThat(event.get("run_id").isNull()).isTrue();
		assertThat(event.get("client_id").stringValue()).isEqualTo("c1");
		assertThat(event.get("content")).isEqualTo(json("[{\"type\":\"text\",\"text\":\"hi\"}]"));
		assertThat(this.broadcasts.events(thread)).extracting(Event::id).containsExactly(event.get("id").stringValue());
	}

	@Test
	@SpecItem("ACP-10.18")
	void repeatedClientIdAnswersTheOriginalWithoutWritingOrBroadcasting() {
		String thread = fixtureThread();
		String body = "{\"client_id\":\"c1\",\"content\":[{\"type\":\"text\",\"text\":\"hi\"}]}";
		String first = this.http.post("alice", "/threads/" + thread + "/messages", body).ok().get("id").stringValue();
		List<String> log = eventTypes(thread);
		int broadcast = this.broadcasts.events(thread).size();
		Reply again = this.http.post("alice", "/threads/" + thread + "/messages", body);
		assertThat(again.status()).isEqualTo(200);
		assertThat(again.json().get("id").stringValue()).isEqualTo(first);
		assertThat(eventTypes(thread)).isEqualTo(log);
		assertThat(this.broadcasts.events(thread)).hasSize(broadcast);
	}

	@Test
	@SpecItem("ACP-10.19")
	void malformedDraftsAreInvalid() {
		String thread = fixtureThread();
		String messages = "/threads/" + thread + "/messages";
		this.http.post("alice", messages, "{\"content\":[]}").isError(400, "invalid_request");
		this.http.post("alice", messages, "{}").isError(400, "invalid_request");
		this.http.post("alice", messages, "{\"content\":[{\"type\":\"video\",\"url\":\"https://x/v.mp4\"}]}")
			.isError(400, "invalid_request");
		this.http.post("alice", messages, "{\"content\":[{\"type\":\"image\",\"url\":\"https://x/a.png\"}]}")
			.isError(400, "invalid_request");
		this.http
			.post("alice", messages,
					"{\"content\":[{\"type\":\"text\",\"text\":\"hi\"}],\"author\":{\"role\":\"user\",\"id\":\"bob\"}}")
			.isError(400, "invalid_request");
		assertThat(eventTypes(thread)).doesNotContain("message");
	}

	@Test
	@SpecItem("ACP-10.20")
	void invokedHelperGoesThroughTheCanonicalLifecycle() {
		String thread = fixtureThread();
		Reply invoked = invoke("alice", thread, "{\"assistant_ids\":[\"helper\"]}");
		assertThat(invoked.status()).as(invoked.toString()).isEqualTo(201);
		JsonNode created = invoked.json().get("runs").get(0);
		assertThat(created.get("status").stringValue()).isIn("pending", "running");
		String run = created.get("id").stringValue();
		JsonNode ended = awaitEnded(this.http, run);
		assertThat(ended.get("status").stringValue()).isEqualTo("completed");
		assertThat(ended.get("completed_at").stringValue()).matches(TIMESTAMP);
		assertThat(ended.get("error").isNull()).isTrue();
		List<JsonNode> events = runEvents(this.http, thread, run);
		assertThat(types(events)).containsExactly("run.started", "reasoning", "tool.call", "tool.result", "message",
				"run.completed");
		assertThat(events).allSatisfy((event) -> {
			assertThat(event.get("run_id").stringValue()).isEqualTo(run);
			assertThat(event.get("author").get("id").stringValue()).isEqualTo("helper");
		});
		assertThat(events.get(1).get("content").stringValue()).isEqualTo("thinking");
		assertThat(events.get(2).get("tool"))
			.isEqualTo(json("{\"id\":\"call_1\",\"name\":\"search\",\"arguments\":{\"q\":\"w\"}}"));
		assertThat(events.get(3).get("tool"))
			.isEqualTo(json("{\"id\":\"call_1\",\"result\":{\"t\":72},\"error\":null}"));
		awaitStatuses(this.broadcasts, run, "pending", "running", "completed");
		assertThat(this.broadcasts.events(thread)).extracting(Event::id)
			.containsSubsequence(events.stream().map((event) -> event.get("id").stringValue()).toList());
	}

	@Test
	@SpecItem("ACP-10.20")
	void invokedAssistantRunsToCompletionWithItsEventsInTheLog() {
		String thread = threadWith("helper");
		Reply invoked = invoke("alice", thread, "{\"assistant_ids\":[\"helper\"]}");
		assertThat(invoked.status()).as(invoked.toString()).isEqualTo(201);
		String run = invoked.json().get("runs").get(0).get("id").stringValue();
		awaitStatus(this.http, run, "completed");
		assertThat(eventTypes(thread)).containsExactly("thread.created", "thread.member_added", "run.started",
				"reasoning", "tool.call", "tool.result", "message", "run.completed");
	}

	@Test
	@SpecItem("ACP-10.21")
	void unregisteredOrNonMemberAssistantsStartNoRun() {
		String thread = this.http.createThread("alice", "{\"tenant\":{\"org\":\"A\"}}");
		this.http
			.post("alice", "/threads/" + thread + "/members",
					"{\"identity\":{\"role\":\"assistant\",\"id\":\"helper\",\"name\":\"Helper\"}}")
			.ok();
		Reply unregistered = invoke("alice", thread, "{\"assistant_ids\":[\"nope\"]}").isError(404, "not_found");
		assertThat(unregistered.message()).isEqualTo("assistant not registered: nope");
		Reply notMember = invoke("alice", thread, "{\"assistant_ids\":[\"slow\"]}").isError(403, "forbidden");
		assertThat(notMember.message()).isEqualTo("assistant not a member of this thread: slow");
		invoke("alice", thread, "{\"assistant_ids\":[\"helper\",\"nope\"]}").isError(404, "not_found");
		invoke("alice", thread, "{\"assistant_ids\":[\"helper\",\"slow\"]}").isError(403, "forbidden");
		assertThat(this.broadcasts.runUpdates(thread)).isEmpty();
		assertThat(this.store.activeRuns(thread).collectList().block()).isEmpty();
		assertThat(eventTypes(thread)).containsExactly("thread.created", "thread.member_added");
	}

	@Test
	@SpecItem("ACP-10.22")
	void emptyOrRepeatedAssistantIdsAreInvalid() {
		String thread = fixtureThread();
		Reply empty = invoke("alice", thread, "{\"assistant_ids\":[]}").isError(400, "invalid_request");
		assertThat(empty.message()).isEqualTo("assistant_ids must be non-empty");
		invoke("alice", thread, "{\"assistant_ids\":[\"helper\",\"helper\"]}").isError(400, "invalid_request");
		invoke("alice", thread, "{}").isError(400, "invalid_request");
		invoke("alice", thread, "{\"assistant_ids\":\"helper\"}").isError(400, "invalid_request");
		invoke("alice", thread, "{\"assistant_ids\":[1]}").isError(400, "invalid_request");
		invoke("alice", thread, "{\"assistant_ids\":[\"helper\"],\"options\":[]}").isError(400, "invalid_request");
		invoke("alice", thread, "{\"assistant_ids\":[\"helper\"],\"idempotency_key\":\"\"}").isError(400,
				"invalid_request");
		assertThat(this.broadcasts.runUpdates(thread)).isEmpty();
		assertThat(this.store.activeRuns(thread).collectList().block()).isEmpty();
	}

	@Test
	@SpecItem("ACP-10.23")
	void invokingAnAssistantWithAnActiveRunCoalescesWithOneRunStarted() {
		String thread = fixtureThread();
		Reply first = invoke("alice", thread, "{\"assistant_ids\":[\"slow\"],\"options\":{\"o\":1},\"extra\":true}");
		assertThat(first.status()).isEqualTo(201);
		JsonNode run = first.json().get("runs").get(0);
		String id = run.get("id").stringValue();
		assertThat(run.get("status").stringValue()).isEqualTo("pending");
		assertThat(run.get("metadata")).isEqualTo(json("{\"o\":1}"));
		assertThat(run.get("triggered_by").get("id").stringValue()).isEqualTo("alice");
		assertThat(run.get("started_at").stringValue()).matches(TIMESTAMP);
		Reply second = invoke("alice", thread, "{\"assistant_ids\":[\"slow\"]}");
		assertThat(second.status()).isEqualTo(200);
		assertThat(second.json().get("runs").get(0).get("id").stringValue()).isEqualTo(id);
		awaitStatuses(this.broadcasts, id, "pending", "running");
		Reply whileRunning = invoke("alice", thread, "{\"assistant_ids\":[\"slow\"]}");
		assertThat(whileRunning.status()).as(whileRunning.toString()).isEqualTo(200);
		assertThat(whileRunning.json().get("runs").get(0).get("id").stringValue()).isEqualTo(id);
		this.slow.wake();
		awaitStatus(this.http, id, "completed");
		assertThat(eventTypes(thread)).filteredOn("run.started"::equals).hasSize(1);
		assertThat(types(runEvents(this.http, thread, id))).containsExactly("run.started", "message", "run.completed");
		awaitStatuses(this.broadcasts, id, "pending", "running", "completed");
		assertThat(createdRuns(this.broadcasts, thread)).containsExactly(id);
	}

	@Test
	@SpecItem("ACP-10.24")
	void idempotencyKeyReplaysItsRunsInTheirCurrentStateAndRefusesAnotherSet() {
		String thread = fixtureThread();
		String body = "{\"assistant_ids\":[\"helper\"],\"idempotency_key\":\"K\"}";
		Reply first = invoke("alice", thread, body);
		assertThat(first.status()).isEqualTo(201);
		String run = first.json().get("runs").get(0).get("id").stringValue();
		awaitStatus(this.http, run, "completed");
		Reply replay = invoke("alice", thread, body);
		assertThat(replay.status()).isEqualTo(200);
		assertThat(replay.json().get("runs").get(0).get("id").stringValue()).isEqualTo(run);
		assertThat(replay.json().get("runs").get(0).get("status").stringValue()).isEqualTo("completed");
		assertThat(replay.json().get("runs").get(0).get("completed_at").stringValue()).matches(TIMESTAMP);
		invoke("alice", thread, "{\"assistant_ids\":[\"helper\",\"boom\"],\"idempotency_key\":\"K\"}").isError(409,
				"idempotency_conflict");
		assertThat(createdRuns(this.broadcasts, thread)).containsExactly(run);
		assertThat(eventTypes(thread)).filteredOn("run.started"::equals).hasSize(1);
	}

	@Test
	@SpecItem("ACP-10.25")
	void multiAssistantIdempotencyReplaysInRequestOrder() {
		String thread = fixtureThread();
		Reply first = invoke("alice", thread, "{\"assistant_ids\":[\"helper\",\"boom\"],\"idempotency_key\":\"K2\"}");
		assertThat(first.status()).isEqualTo(201);
		String helper = first.json().get("runs").get(0).get("id").stringValue();
		String boom = first.json().get("runs").get(1).get("id").stringValue();
		assertThat(helper).isNotEqualTo(boom);
		invoke("bob", thread, "{\"assistant_ids\":[\"helper\",\"boom\"],\"idempotency_key\":\"K2\"}").isError(403,
				"forbidden");
		Reply same = invoke("alice", thread, "{\"assistant_ids\":[\"helper\",\"boom\"],\"idempotency_key\":\"K2\"}");
		assertThat(same.status()).isEqualTo(200);
		assertThat(runIds(same)).containsExactly(helper, boom);
		Reply reordered = invoke("alice", thread,
				"{\"assistant_ids\":[\"boom\",\"helper\"],\"idempotency_key\":\"K2\"}");
		assertThat(reordered.status()).isEqualTo(200);
		assertThat(runIds(reordered)).containsExactly(boom, helper);
		assertThat(awaitEnded(this.http, helper).get("status").stringValue()).isEqualTo("completed");
		assertThat(awaitEnded(this.http, boom).get("status").stringValue()).isEqualTo("failed");
		assertThat(createdRuns(this.broadcasts, thread)).containsExactlyInAnyOrder(helper, boom);
	}

	private static List<String> runIds(Reply reply) {
		List<String> ids = new ArrayList<>();
		reply.json().get("runs").values().forEach((run) -> ids.add(run.get("id").stringValue()));
		return ids;
	}

	@Test
	@SpecItem("ACP-10.26")
	void runExceedingTheTimeoutFailsWithTimeoutAndWithoutItsMessage() {
		try (SeparateApplication application = SeparateApplication.start(storeProperties(), "acp.run-timeout=1s")) {
			AcpHttp http = application.http();
			String thread = fixtureThread(http);
			String run = startRun(http, thread, "slow");
			JsonNode ended = awaitEnded(http, run);
			assertThat(ended.get("status").stringValue()).isEqualTo("failed");
			assertThat(ended.get("error")).isEqualTo(json("{\"code\":\"timeout\",\"message\":\"run exceeded 1s\"}"));
			List<JsonNode> events = runEvents(http, thread, run);
			assertThat(types(events)).containsExactly("run.started", "run.failed");
			assertThat(events.get(1).get("error")).isEqualTo(ended.get("error"));
			assertThat(types(events(http, thread))).doesNotContain("message");
			awaitStatuses(application.bean(RecordingBroadcastListener.class), run, "pending", "running", "failed");
			assertThat(application.bean(Slow.class).interrupted()).containsExactly(run);
			assertThat(startRun(http, thread, "slow")).as("slow can be invoked again").isNotEqualTo(run);
		}
	}

	@Test
	@SpecItem("ACP-10.27")
	void handlerThatThrowsFailsTheRunWithHandlerErrorAndTheThreadStaysUsable() {
		String thread = fixtureThread();
		String run = startRun(thread, "boom");
		JsonNode ended = awaitEnded(this.http, run);
		assertThat(ended.get("status").stringValue()).isEqualTo("failed");
		assertThat(ended.get("error").get("code").stringValue()).isEqualTo("handler_error");
		assertThat(ended.get("error").get("message").stringValue()).contains("boom");
		List<JsonNode> events = runEvents(this.http, thread, run);
		assertThat(types(events)).containsExactly("run.started", "reasoning", "run.failed");
		assertThat(events.get(2).get("error")).isEqualTo(ended.get("error"));
		awaitStatuses(this.broadcasts, run, "pending", "running", "failed");
		assertThat(awaitEnded(this.http, startRun(thread, "helper")).get("status").stringValue())
			.isEqualTo("completed");
		assertThat(startRun(thread, "boom")).isNotEqualTo(run);
	}

	@Test
	void runIsReadByMembersOnlyAndHiddenWithItsThread() {
		String thread = fixtureThread();
		String run = startRun(thread, "slow");
		JsonNode read = this.http.get("alice", "/runs/" + run).ok();
		assertThat(read.get("id").stringValue()).isEqualTo(run);
		assertThat(read.get("thread_id").stringValue()).isEqualTo(thread);
		assertThat(read.get("completed_at").isNull()).isTrue();
		assertThat(read.get("error").isNull()).isTrue();
		assertThat(this.http.get("carol", "/runs/" + run).isError(404, "not_found").message())
			.isEqualTo("run not found");
		this.http.get("bob", "/runs/" + run).isError(403, "forbidden");
		assertThat(this.http.get("alice", "/runs/run_missing").isError(404, "not_found").message())
			.isEqualTo("run not found");
	}

	@Test
	@SpecItem("ACP-10.28")
	void cancelIsGatedAndEndsARunningRunCancelledOnce() {
		String thread = fixtureThread();
		String run = startRun(thread, "slow");
		awaitStatuses(this.broadcasts, run, "pending", "running");
		await().atMost(WAIT).until(() -> this.slow.sleeping().contains(run));
		this.http.delete("carol", "/runs/" + run).isError(404, "not_found");
		this.http.delete("bob", "/runs/" + run).isError(403, "forbidden");
		this.authorizer.denied.add(io.github.agentprotocols.acp.AcpAction.RUN_CANCEL);
		assertThat(this.http.delete("alice", "/runs/" + run).isError(403, "forbidden").message())
			.isEqualTo("not authorized: run.cancel");
		this.authorizer.denied.clear();
		assertThat(this.store.cancelRequested(List.of(run)).collectList().block()).as("no cancellation requested")
			.isEmpty();
		assertThat(this.http.delete("alice", "/runs/" + run).status()).isEqualTo(204);
		assertThat(awaitEnded(this.http, run).get("status").stringValue()).isEqualTo("cancelled");
		assertThat(types(runEvents(this.http, thread, run))).containsExactly("run.started", "run.cancelled");
		assertThat(eventTypes(thread)).last().isEqualTo("run.cancelled");
		awaitStatuses(this.broadcasts, run, "pending", "running", "cancelled");
		assertThat(this.slow.interrupted()).containsExactly(run);
		List<String> log = eventTypes(thread);
		int broadcast = this.broadcasts.received(thread).size();
		assertThat(this.http.delete("alice", "/runs/" + run).status()).isEqualTo(204);
		assertThat(eventTypes(thread)).isEqualTo(log);
		assertThat(this.broadcasts.received(thread)).hasSize(broadcast);
		this.http.delete("alice", "/runs/run_missing").isError(404, "not_found");
	}

	@Test
	@SpecItem("ACP-10.30")
	void cancellingARunWaitingForTheExecutorEndsItWithoutStartingIt() {
		try (SeparateApplication application = SeparateApplication.start(storeProperties(),
				"acp.executor.concurrency=1")) {
			AcpHttp http = application.http();
			RecordingBroadcastListener broadcasts = application.bean(RecordingBroadcastListener.class);
			RunExecutor executor = application.bean(RunExecutor.class);
			String thread = fixtureThread(http);
			String slow = startRun(http, thread, "slow");
			awaitStatuses(broadcasts, slow, "pending", "running");
			String helper = startRun(http, thread, "helper");
			assertThat(executor.queuedRuns()).as("helper waits for the executor's only slot").isOne();
			assertThat(http.get("alice", "/runs/" + helper).ok().get("status").stringValue()).isEqualTo("pending");
			assertThat(http.delete("alice", "/runs/" + helper).status()).isEqualTo(204);
			assertThat(awaitEnded(http, helper).get("status").stringValue()).isEqualTo("cancelled");
			assertThat(types(runEvents(http, thread, helper))).containsExactly("run.cancelled");
			awaitStatuses(broadcasts, helper, "pending", "cancelled");
			assertThat(executor.queuedRuns()).isZero();
			assertThat(http.get("alice", "/runs/" + slow).ok().get("status").stringValue()).isEqualTo("running");
		}
	}

	@Test
	@SpecItem("ACP-10.31")
	void chainingCreatesARunTriggeredByTheInvokingAssistant() {
		String thread = fixtureThread();
		String chain = startRun(thread, "chain");
		assertThat(awaitEnded(this.http, chain).get("status").stringValue()).isEqualTo("completed");
		String helper = awaitRunOf(thread, "helper").id();
		JsonNode chained = awaitEnded(this.http, helper);
		assertThat(chained.get("status").stringValue()).isEqualTo("completed");
		assertThat(chained.get("triggered_by").get("id").stringValue()).isEqualTo("chain");
		assertThat(createdRuns(this.broadcasts, thread)).containsExactlyInAnyOrder(chain, helper);
		List<JsonNode> chainEvents = runEvents(this.http, thread, chain);
		assertThat(types(chainEvents)).containsExactly("run.started", "message", "run.completed");
		assertThat(chainEvents.get(1).get("content"))
			.isEqualTo(json("[{\"type\":\"text\",\"text\":\"chained " + helper + "\"}]"));
	}

	@Test
	@SpecItem("ACP-10.32")
	void chainOfDepthAssistantsEndsAfterNineRuns() {
		String thread = fixtureThread();
		startRun(thread, "d0");
		JsonNode d8 = awaitEnded(this.http, awaitRunOf(thread, "d8").id());
		assertThat(d8.get("status").stringValue()).isEqualTo("failed");
		assertThat(d8.get("error"))
			.isEqualTo(json("{\"code\":\"handler_error\",\"message\":\"chain depth exceeded: 8\"}"));
		for (int depth = 0; depth < 8; depth++) {
			Run run = awaitRunOf(thread, "d" + depth);
			assertThat(run.chainDepth()).isEqualTo(depth);
			assertThat(awaitEnded(this.http, run.id()).get("status").stringValue()).isEqualTo("completed");
		}
		assertThat(awaitRunOf(thread, "d8").chainDepth()).isEqualTo(8);
		List<String> created = createdRuns(this.broadcasts, thread);
		assertThat(created).hasSize(9).doesNotHaveDuplicates();
		assertThat(this.broadcasts.runUpdates(thread)).extracting(Run::assistantId)
			.containsOnly("d0", "d1", "d2", "d3", "d4", "d5", "d6", "d7", "d8");
		assertThat(events(this.http, thread)).extracting((event) -> event.get("author").get("id").stringValue())
			.doesNotContain("d9");
	}

	@Test
	@SpecItem("ACP-10.33")
	void analyticsArriveInOneBatchAfterTheRunCompleted() {
		String thread = fixtureThread();
		addAssistant(this.http, thread, "tracker");
		String run = startRun(thread, "tracker");
		assertThat(awaitEnded(this.http, run).get("status").stringValue()).isEqualTo("completed");
		await().atMost(WAIT).until(() -> !this.analytics.of(run).isEmpty());
		assertThat(this.analytics.of(run)).singleElement().satisfies((batch) -> {
			assertThat(batch.afterTerminal()).as("after run.completed").isTrue();
			assertThat(batch.events()).hasSize(2).allSatisfy((event) -> {
				assertThat(event.name()).isEqualTo("llm.call");
				assertThat(event.properties()).isEqualTo(Map.of("m", "x"));
				assertThat(event.threadId()).isEqualTo(thread);
				assertThat(event.runId()).isEqualTo(run);
				assertThat(event.assistantId()).isEqualTo("tracker");
				assertThat(event.timestamp()).isNotNull();
			});
		});
		assertThat(types(runEvents(this.http, thread, run))).containsExactly("run.started", "reasoning",
				"run.completed");
	}

	@Test
	@SpecItem("ACP-10.33")
	void analyticsAreFlushedAtTheMaximumBatchSize() {
		try (SeparateApplication application = SeparateApplication.start(storeProperties(),
				"acp.analytics.max-batch-size=1")) {
			AcpHttp http = application.http();
			RecordingAnalyticsSink analytics = application.bean(RecordingAnalyticsSink.class);
			String thread = fixtureThread(http);
			addAssistant(http, thread, "tracker");
			String run = startRun(http, thread, "tracker");
			assertThat(awaitEnded(http, run).get("status").stringValue()).isEqualTo("completed");
			await().atMost(WAIT).until(() -> analytics.of(run).size() == 2);
			assertThat(analytics.of(run)).allSatisfy((batch) -> assertThat(batch.events()).singleElement()
				.extracting(AnalyticsEvent::name)
				.isEqualTo("llm.call"));
		}
	}

	@Test
	@SpecItem("ACP-10.34")
	void anEventForAnotherThreadFailsTheRunWithInvalidEventUnpersisted() {
		String thread = fixtureThread();
		addAssistant(this.http, thread, "forger");
		String other = this.http.createThread("alice", "{\"tenant\":{\"org\":\"A\"}}");
		Reply invoked = invoke("alice", thread,
				"{\"assistant_ids\":[\"forger\"],\"options\":{\"thread_id\":\"" + other + "\"}}");
		assertThat(invoked.status()).as(invoked.toString()).isEqualTo(201);
		String run = invoked.json().get("runs").get(0).get("id").stringValue();
		JsonNode ended = awaitEnded(this.http, run);
		assertThat(ended.get("status").stringValue()).isEqualTo("failed");
		assertThat(ended.get("error").get("code").stringValue()).isEqualTo("invalid_event");
		assertThat(types(runEvents(this.http, thread, run))).containsExactly("run.started", "run.failed");
		Event forged = this.forger.forged()
			.stream()
			.filter((event) -> run.equals(event.runId()))
			.findFirst()
			.orElseThrow();
		assertThat(forged.threadId()).isEqualTo(other);
		assertThat(events(this.http, thread)).extracting((event) -> event.get("id").stringValue())
			.doesNotContain(forged.id());
		assertThat(eventTypes(other)).containsExactly("thread.created");
		assertThat(this.broadcasts.events(other)).extracting(Event::id).doesNotContain(forged.id());
		assertThat(awaitEnded(this.http, startRun(thread, "helper")).get("status").stringValue())
			.isEqualTo("completed");
	}

	@Test
	@SpecItem("ACP-10.52")
	void deletingAThreadAbandonsItsActiveRunsWithoutEvents(CapturedOutput output) {
		String thread = fixtureThread();
		String run = startRun(thread, "slow");
		awaitStatuses(this.broadcasts, run, "pending", "running");
		await().atMost(WAIT).until(() -> this.slow.sleeping().contains(run));
		this.broadcasts.clear();
		assertThat(this.http.delete("alice", "/threads/" + thread).status()).isEqualTo(204);
		assertThat(this.broadcasts.kinds(thread)).containsExactly("ThreadRemoved");
		assertThat(((AcpBroadcast.ThreadRemoved) this.broadcasts.received(thread).get(0)).reason())
			.isEqualTo(AcpBroadcast.ThreadRemoved.Reason.DELETED);
		this.http.get("alice", "/runs/" + run).isError(404, "not_found");
		await().atMost(WAIT).until(() -> !this.executor.ownedRunIds().contains(run));
		assertThat(this.slow.interrupted()).as("the handler is stopped").containsExactly(run);
		assertThat(this.broadcasts.kinds(thread)).containsExactly("ThreadRemoved");
		assertThat(this.broadcasts.statusesOf(run)).isEmpty();
		assertThat(this.store.findRun(run).blockOptional()).isEmpty();
		assertThat(output).as("nothing is logged about the run").doesNotContain(run);
	}

	@Test
	@SpecItem("ACP-10.51")
	void authorizerIsAskedWithTheEndpointsActionAfterTenantAndMembership() {
		String thread = fixtureThread();
		String run = startRun(thread, "slow");
		this.authorizer.calls.clear();
		String path = "/threads/" + thread;
		this.http.get("alice", path).ok();
		this.http.patch("alice", path, "{\"metadata\":{}}").ok();
		this.http.get("alice", path + "/events").ok();
		this.http.get("alice", path + "/members").ok();
		addMember("alice", thread, "bob").ok();
		this.http.post("alice", path + "/messages", "{\"content\":[{\"type\":\"text\",\"text\":\"hi\"}]}").ok();
		invoke("alice", thread, "{\"assistant_ids\":[\"helper\"]}").ok();
		this.http.get("alice", "/runs/" + run).ok();
		assertThat(this.http.delete("alice", "/runs/" + run).status()).isEqualTo(204);
		assertThat(this.http.delete("alice", path + "/members/bob").status()).isEqualTo(204);
		assertThat(this.http.delete("alice", path).status()).isEqualTo(204);
		String prefix = "alice " + thread + " ";
		assertThat(this.authorizer.calls).containsExactly(prefix + "thread.read", prefix + "thread.update",
				prefix + "thread.read", prefix + "thread.read", prefix + "member.add", prefix + "message.send",
				prefix + "assistant.invoke", prefix + "thread.read", prefix + "run.cancel", prefix + "member.remove",
				prefix + "thread.delete");
		this.authorizer.calls.clear();
		String other = fixtureThread();
		this.authorizer.calls.clear();
		this.http.get("carol", "/threads/" + other).isError(404, "not_found");
		this.http.get("bob", "/threads/" + other).isError(403, "forbidden");
		this.http.get("alice", "/threads/th_missing").isError(404, "not_found");
		this.http.post("alice", "/threads", "{}").ok();
		this.http.get("alice", "/threads").ok();
		assertThat(this.authorizer.calls).isEmpty();
	}

	@Test
	void eventsPageInBothOrdersWithTypeFilterAndCursor() {
		String thread = this.http.createThread("alice", "{\"tenant\":{\"org\":\"A\"}}");
		for (int i = 0; i < 5; i++) {
			this.http
				.post("alice", "/threads/" + thread + "/messages",
						"{\"content\":[{\"type\":\"text\",\"text\":\"m" + i + "\"}]}")
				.ok();
		}
		String events = "/threads/" + thread + "/events";
		List<JsonNode> ascending = new ArrayList<>();
		String query = "?limit=2";
		while (true) {
			JsonNode page = this.http.get("alice", events + query).ok();
			page.get("items").values().forEach(ascending::add);
			JsonNode cursor = page.get("next_cursor");
			if (cursor.isNull()) {
				break;
			}
			query = "?limit=2&cursor_created_at=" + AcpHttp.encode(cursor.get("created_at").stringValue())
					+ "&cursor_id=" + AcpHttp.encode(cursor.get("id").stringValue());
		}
		assertThat(ascending).hasSize(6);
		assertThat(ascending.get(0).get("type").stringValue()).isEqualTo("thread.created");
		JsonNode newest = this.http.get("alice", events + "?order=desc&limit=2&types=message").ok();
		assertThat(newest.get("items").get(0).get("id").stringValue())
			.isEqualTo(ascending.get(5).get("id").stringValue());
		assertThat(newest.get("items").get(1).get("id").stringValue())
			.isEqualTo(ascending.get(4).get("id").stringValue());
		JsonNode cursor = newest.get("next_cursor");
		JsonNode older = this.http
			.get("alice",
					events + "?order=desc&types=message,thread.created&cursor_created_at="
							+ AcpHttp.encode(cursor.get("created_at").stringValue()) + "&cursor_id="
							+ AcpHttp.encode(cursor.get("id").stringValue()))
			.ok();
		assertThat(older.get("items").size()).isEqualTo(4);
		assertThat(older.get("items").get(3).get("type").stringValue()).isEqualTo("thread.created");
		this.http.get("alice", events + "?types=video").isError(400, "invalid_request");
		this.http.get("alice", events + "?order=sideways").isError(400, "invalid_request");
		this.http.get("alice", events + "?limit=501").isError(400, "invalid_request");
		this.http.get("alice", events + "?limit=x").isError(400, "invalid_request");
	}

	@Test
	@SpecItem("ACP-10.53")
	void everyRefusalHasTheErrorShape() {
		String thread = fixtureThread();
		this.http.get(null, "/threads").isError(401, "unauthenticated");
		this.http.get("bob", "/threads/" + thread).isError(403, "forbidden");
		this.http.get("alice", "/threads/nope").isError(404, "not_found");
		this.http.get("alice", "/nowhere").isError(404, "not_found");
		this.http.post("alice", "/threads", "{\"tenant\":").isError(400, "invalid_request");
		this.http.post("alice", "/threads", "[1]").isError(400, "invalid_request");
		this.http.send("alice", "PUT", "/threads", "application/json", "{}").isError(405, "invalid_request");
		this.http.send("alice", "POST", "/threads", "text/plain", "{}").isError(415, "invalid_request");
		this.http.send("alice", "POST", "/threads", "application/json;charset=", "{}").isError(415, "invalid_request");
		this.http.post("alice", "/threads", "{\"metadata\":{\"x\":\"" + "y".repeat(1024 * 1024) + "\"}}")
			.isError(413, "invalid_request");
		invoke("alice", thread, "{\"assistant_ids\":[\"helper\"],\"idempotency_key\":\"E\"}").ok();
		invoke("alice", thread, "{\"assistant_ids\":[\"boom\"],\"idempotency_key\":\"E\"}").isError(409,
				"idempotency_conflict");
	}

	@Test
	void numbersThatAreNotFiniteAndNulCharactersAreInvalid() {
		this.http.post("alice", "/threads", "{\"metadata\":{\"x\":1e999}}").isError(400, "invalid_request");
		this.http.post("alice", "/threads", "{\"metadata\":{\"x\":\"a\\u0000b\"}}").isError(400, "invalid_request");
		this.http.post("alice", "/threads", "{\"metadata\":{\"a\\u0000\":1}}").isError(400, "invalid_request");
		this.http.get("alice", "/threads/th%00").isError(400, "invalid_request");
		assertThat(this.http.listAll("alice")).isEmpty();
	}

}
