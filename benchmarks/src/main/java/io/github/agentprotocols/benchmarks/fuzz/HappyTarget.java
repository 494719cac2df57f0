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
import tools.jackson.databind.node.ObjectNode;

/**
 * Happy: the showcase's page routes under {@code /happy}, on the client of the in-process
 * fake Happy server and daemon. The session that must survive was spawned and given one
 * prompt before the run; it is listed afterwards as before and its messages are
 * unchanged. Whether it still runs is not compared: the showcase's fake machine keeps its
 * 16 newest sessions running, and stops the older ones. The page's routes take no
 * credential, so the fuzzer works on a session of its own and is not given the other's
 * id.
 */
final class HappyTarget implements FuzzTarget {

	private String machineId;

	private String intactId;

	private String intactState;

	private String id;

	@Override
	public String name() {
		return "happy";
	}

	@Override
	public void prepare(JsonCalls calls) throws Exception {
		this.machineId = calls.ok("GET", "/happy/machines", null).get(0).get("id").asString();
		this.intactId = spawn(calls, "/tmp/fuzz-intact");
		calls.ok("POST", "/happy/sessions/" + this.intactId + "/messages", "{\"text\":\"hello, intact\"}");
		calls.ok("GET", "/happy/sessions/" + this.intactId + "/turn", null);
		this.intactState = state(calls);
		this.id = spawn(calls, "/tmp/fuzz");
	}

	@Override
	public List<Seed> seeds() {
		Header json = new Header("Content-Type", "application/json");
		String session = "/happy/sessions/" + this.id;
		return List.of(Seed.http("GET", "/happy/machines", ""), Seed.http("GET", "/happy/sessions", ""),
				Seed.http("POST", "/happy/sessions",
						"{\"machineId\":\"" + this.machineId + "\",\"directory\":\"/tmp/fuzz\"}", json),
				Seed.http("POST", session + "/messages", "{\"text\":\"hi\"}", json),
				Seed.http("GET", session + "/messages", "", new Header("Accept", "text/event-stream")),
				Seed.http("GET", session + "/messages", "", new Header("Accept", "text/event-stream"),
						new Header("Last-Event-ID", "1")),
				Seed.http("POST", "/happy/sessions/0123456789abcdef/stop", ""));
	}

	@Override
	public List<String> ids() {
		return List.of(this.id, this.machineId);
	}

	@Override
	public String checkIntact(JsonCalls calls) throws Exception {
		String now = state(calls);
		return now.equals(this.intactState) ? null
				: "session " + this.intactId + " was " + this.intactState + ", now " + now;
	}

	private String spawn(JsonCalls calls, String directory) throws Exception {
		return calls
			.ok("POST", "/happy/sessions",
					"{\"machineId\":\"" + this.machineId + "\",\"directory\":\"" + directory + "\"}")
			.get("sessionId")
			.asString();
	}

	private String state(JsonCalls calls) throws Exception {
		JsonNode listed = null;
		for (JsonNode session : calls.ok("GET", "/happy/sessions", null)) {
			if (this.intactId.equals(session.path("id").asString(""))) {
				// the showcase's fake machine keeps its 16 newest sessions running and
				// stops the older ones, this one among them once the run has spawned more
				listed = ((ObjectNode) session.deepCopy()).remove(List.of("active", "state"));
			}
		}
		JsonCalls.Reply messages = calls.firstEvent("/happy/sessions/" + this.intactId + "/messages");
		return ((listed != null) ? JsonCalls.text(listed) : "not listed") + ", first message " + messages.status() + " "
				+ messages.text();
	}

}
