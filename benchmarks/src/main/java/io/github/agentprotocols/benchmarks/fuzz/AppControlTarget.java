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

/**
 * App-control: the service host on HTTP ({@code POST /app-control/service}, with the
 * token the driver gives the showcase) and the demo page's routes. The run that must
 * survive is a command submitted before the run, read back with {@code poll}; the
 * fuzzer's seeds do not {@code submit} (the host keeps at most {@code max-stored-results}
 * and drops the oldest finished ones, which would drop it by design), but poll it.
 */
final class AppControlTarget implements FuzzTarget {

	private static final String SCHEMA = "app_control.service.request.v1";

	private static final String INTACT_ID = "req_0123456789abcdef0123456789abcdef";

	private final String token;

	private String intactObservation;

	AppControlTarget(String token) {
		this.token = token;
	}

	@Override
	public String name() {
		return "app-control";
	}

	@Override
	public void prepare(JsonCalls calls) throws Exception {
		calls.ok("POST", "/app-control/service", envelope("submit", INTACT_ID, command("open_app", "TextEdit")));
		this.intactObservation = poll(calls);
	}

	@Override
	public List<Seed> seeds() {
		Header json = new Header("Content-Type", "application/json");
		return List.of(
				Seed.http("POST", "/app-control/service", envelope("run", null, command("open_app", "Notes")), json),
				Seed.http("POST", "/app-control/service", envelope("stream", null,
						"{\"commandId\":\"cmd_2\",\"tool\":\"demo.desktop\",\"operation\":\"type_text\",\"input\":{\"app\":\"TextEdit\",\"text\":\"hello\"},\"timeoutMs\":5000}"),
						json),
				Seed.http("POST", "/app-control/service", envelope("poll", INTACT_ID, null), json),
				Seed.http("POST", "/app-control/service", envelope("run", null, command("screenshot", "Safari")), json),
				Seed.http("GET", "/app-control/demo/commands", ""), Seed.http("POST", "/app-control/demo/runs",
						"{\"operation\":\"open_app\",\"input\":{\"app\":\"Calculator\"}}", json));
	}

	@Override
	public List<String> ids() {
		return List.of(INTACT_ID, this.token, "demo.desktop");
	}

	@Override
	public String checkIntact(JsonCalls calls) throws Exception {
		String now = poll(calls);
		return now.equals(this.intactObservation) ? null
				: "submitted run " + INTACT_ID + " polled " + this.intactObservation + " before the run, now " + now;
	}

	private String poll(JsonCalls calls) throws Exception {
		JsonCalls.Reply reply = calls.call("POST", "/app-control/service", envelope("poll", INTACT_ID, null));
		return reply.status() + " " + reply.text();
	}

	private String envelope(String action, String requestId, String command) {
		return "{\"schema\":\"" + SCHEMA + "\",\"action\":\"" + action + "\",\"token\":\"" + this.token + "\""
				+ ((requestId != null) ? ",\"requestId\":\"" + requestId + "\"" : "")
				+ ((command != null) ? ",\"command\":" + command : "") + "}";
	}

	private static String command(String operation, String app) {
		return "{\"commandId\":\"cmd_1\",\"tool\":\"demo.desktop\",\"operation\":\"" + operation
				+ "\",\"input\":{\"app\":\"" + app + "\"}}";
	}

}
