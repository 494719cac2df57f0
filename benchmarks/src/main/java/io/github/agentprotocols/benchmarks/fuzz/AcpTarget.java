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

package io.github.agentprotocols.benchmarks.fuzz;

import java.util.List;

import io.github.agentprotocols.benchmarks.fuzz.Seed.Header;
import tools.jackson.databind.JsonNode;

/**
 * ACP, in two parts fuzzed one after the other: the REST routes under {@code /acp}, and
 * Socket.IO on the shared port over long-polling and WebSocket. The thread that must
 * survive belongs to {@code alice} and holds one message; the fuzzer is {@code fuzzer},
 * with a thread of its own, and knows the other's id.
 */
final class AcpTarget implements FuzzTarget {

	private static final String USER = "X-Demo-User";

	private final boolean socketIo;

	private AcpTarget(boolean socketIo) {
		this.socketIo = socketIo;
	}

	/**
	 * The REST routes.
	 * @return the target
	 */
	static AcpTarget rest() {
		return new AcpTarget(false);
	}

	/**
	 * Socket.IO on the shared port.
	 * @return the target
	 */
	static AcpTarget socketIo() {
		return new AcpTarget(true);
	}

	private String intactId;

	private String intactEvents;

	private String id;

	@Override
	public String name() {
		return this.socketIo ? "acp-socketio" : "acp";
	}

	@Override
	public void prepare(JsonCalls calls) throws Exception {
		this.intactId = calls.ok("POST", "/acp/threads", "{}", USER, "alice").get("id").asString();
		calls.ok("POST", "/acp/threads/" + this.intactId + "/messages",
				"{\"client_id\":\"intact-1\",\"content\":[{\"type\":\"text\",\"text\":\"hello, intact\"}]}", USER,
				"alice");
		this.intactEvents = events(calls);
		this.id = calls.ok("POST", "/acp/threads", "{}", USER, "fuzzer").get("id").asString();
	}

	@Override
	public List<Seed> seeds() {
		Header json = new Header("Content-Type", "application/json");
		Header user = new Header(USER, "fuzzer");
		Header text = new Header("Content-Type", "text/plain;charset=UTF-8");
		String thread = "/acp/threads/" + this.id;
		String message = "{\"client_id\":\"c1\",\"content\":[{\"type\":\"text\",\"text\":\"hi\"}]}";
		String polling = "/socket.io/?EIO=4&transport=polling&sid=" + Seed.SID;
		if (this.socketIo) {
			return List.of(Seed.http("GET", "/socket.io/?EIO=4&transport=polling", ""),
					Seed.polling("POST", polling, "40{\"user\":\"fuzzer\"}", text),
					Seed.polling("POST", polling,
							"40{\"user\":\"fuzzer\"}\u001e421[\"thread:join\",{\"thread_id\":\"" + this.id + "\"}]",
							text),
					Seed.polling("POST", polling,
							"40\u001e422[\"message:send\",{\"thread_id\":\"" + this.id + "\",\"draft\":" + message
									+ "}]",
							text),
					Seed.webSocket("/socket.io/?EIO=4&transport=websocket", List.of("40{\"user\":\"fuzzer\"}",
							"421[\"thread:join\",{\"thread_id\":\"" + this.id + "\"}]",
							"422[\"message:send\",{\"thread_id\":\"" + this.id + "\",\"draft\":" + message + "}]",
							"3")));
		}
		return List.of(Seed.http("POST", "/acp/threads", "{}", json, user),
				Seed.http("GET", "/acp/threads?limit=5", "", user), Seed.http("GET", thread, "", user),
				Seed.http("PATCH", thread, "{\"metadata\":{\"topic\":\"fuzz\"}}", json, user),
				Seed.http("GET", thread + "/events?limit=10", "", user),
				Seed.http("GET", thread + "/members", "", user),
				Seed.http("POST", thread + "/members",
						"{\"identity\":{\"role\":\"user\",\"id\":\"bob\",\"name\":\"Bob\"}}", json, user),
				Seed.http("POST", thread + "/messages", message, json, user),
				Seed.http("POST", thread + "/invocations", "{\"assistant_ids\":[\"demo\"]}", json, user),
				Seed.http("GET", "/acp/runs/run_0123456789", "", user));
	}

	@Override
	public List<String> ids() {
		return List.of(this.intactId, this.id, "alice", "fuzzer");
	}

	@Override
	public String checkIntact(JsonCalls calls) throws Exception {
		String now = events(calls);
		return now.equals(this.intactEvents) ? null
				: "thread " + this.intactId + " had " + this.intactEvents + ", now " + now;
	}

	private String events(JsonCalls calls) throws Exception {
		JsonCalls.Reply thread = calls.call("GET", "/acp/threads/" + this.intactId, null, USER, "alice");
		JsonCalls.Reply events = calls.call("GET", "/acp/threads/" + this.intactId + "/events", null, USER, "alice");
		JsonNode members = calls.call("GET", "/acp/threads/" + this.intactId + "/members", null, USER, "alice").json();
		return "thread " + thread.status() + " " + without(thread.json(), "updated_at") + ", members "
				+ ((members != null) ? JsonCalls.text(members) : "none") + ", events " + events.status() + " "
				+ events.text();
	}

	private static String without(JsonNode json, String field) {
		if (json == null) {
			return "none";
		}
		JsonNode copy = json.deepCopy();
		if (copy.isObject()) {
			((tools.jackson.databind.node.ObjectNode) copy).remove(field);
		}
		return JsonCalls.text(copy);
	}

	@Override
	public String toString() {
		return name();
	}

}
