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
 * HPP: the agent's routes under {@code /handshake} and the browser's WebSocket. The
 * session that must survive has ten fields set by an action; the fuzzer works on a
 * session of its own and is not given the other's id: a session created anonymously (the
 * showcase has no login) takes user edits ({@code notify}) from whoever knows its id, as
 * the reference does, so its id is the credential.
 */
final class HppTarget implements FuzzTarget {

	private static final String SCHEMA = tenFields("{\"mode\":\"form-fill\",\"schema\":[",
			"{\"key\":\"f%d\",\"type\":\"string\"}");

	private static final String ACTIONS = tenFields("{\"intervalMs\":0,\"actions\":[",
			"{\"type\":\"set\",\"key\":\"f%d\",\"value\":\"value %d\"}");

	private String intactId;

	private String intactToken;

	private String intactFields;

	private String id;

	private String token;

	private String wsUrl;

	@Override
	public String name() {
		return "hpp";
	}

	@Override
	public void prepare(JsonCalls calls) throws Exception {
		JsonNode intact = calls.ok("POST", "/handshake/session", SCHEMA);
		this.intactId = intact.get("sessionId").asString();
		this.intactToken = intact.get("token").asString();
		calls.ok("POST", "/handshake/action/" + this.intactId, ACTIONS, "X-Handshake-Token", this.intactToken);
		this.intactFields = fields(calls);
		JsonNode own = calls.ok("POST", "/handshake/session", SCHEMA);
		this.id = own.get("sessionId").asString();
		this.token = own.get("token").asString();
		this.wsUrl = own.get("wsUrl").asString();
	}

	@Override
	public List<Seed> seeds() {
		Header json = new Header("Content-Type", "application/json");
		Header token = new Header("X-Handshake-Token", this.token);
		return List.of(Seed.http("POST", "/handshake/session", SCHEMA, json),
				Seed.http("GET", "/handshake/context/" + this.id, "", token),
				Seed.http("POST", "/handshake/action/" + this.id, ACTIONS, json, token),
				Seed.http("POST", "/handshake/action/" + this.id,
						"{\"actions\":[{\"type\":\"set\",\"key\":\"f3\",\"value\":42},{\"type\":\"clear\",\"key\":\"f4\"}]}",
						json, token),
				Seed.http("POST", "/handshake/notify/" + this.id, "{\"key\":\"f1\",\"value\":\"typed\"}", json, token),
				Seed.http("GET", "/handshake/diff/" + this.id + "?since=0", "", token),
				Seed.http("POST", "/handshake/session/" + this.id + "/extend", "{\"extraSeconds\":60}", json, token),
				Seed.http("DELETE", "/handshake/session/0123456789abcdef", "", token),
				Seed.webSocket(this.wsUrl + "?token=" + this.token,
						List.of("{\"type\":\"userEdit\",\"key\":\"f2\",\"value\":\"typed\"}", "{\"type\":\"ping\"}")));
	}

	@Override
	public List<String> ids() {
		return List.of(this.id, this.token);
	}

	@Override
	public String checkIntact(JsonCalls calls) throws Exception {
		String now = fields(calls);
		return now.equals(this.intactFields) ? null
				: "session " + this.intactId + " was " + this.intactFields + ", now " + now;
	}

	/**
	 * The intact session's fields, read from another client address than the fuzzer's,
	 * whose wrong tokens HPP throttles (the read would wait out the throttle's minute).
	 */
	private String fields(JsonCalls calls) throws Exception {
		JsonCalls.Reply reply = calls.getFromOtherClient("/handshake/context/" + this.intactId, "X-Handshake-Token",
				this.intactToken);
		if (reply.status() != 200 || reply.json() == null) {
			return "HTTP " + reply.status() + " " + reply.text();
		}
		JsonNode fields = reply.json().has("fields") ? reply.json().get("fields") : reply.json();
		return JsonCalls.text(fields);
	}

	private static String tenFields(String start, String field) {
		StringBuilder json = new StringBuilder(start);
		for (int i = 0; i < 10; i++) {
			json.append((i > 0) ? "," : "").append(field.replace("%d", Integer.toString(i)));
		}
		return json.append("]}").toString();
	}

}
