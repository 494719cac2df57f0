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

import java.time.Instant;
import java.util.List;

import io.github.agentprotocols.benchmarks.fuzz.Seed.Header;
import tools.jackson.databind.JsonNode;

/**
 * LIME: the login demo's routes ({@code /lime-login/requests}, its event stream, and the
 * demo agent of the in-process fake LIME API). The login request that must survive is
 * still pending afterwards, its event stream open and waiting, or, once past its
 * {@code expiresAt}, has ended {@code expired} by itself (and is forgotten some time
 * later: 404); the fuzzer works on requests of its own (the demo agent's approval takes
 * no credential, so the fuzzer is not given the other's id).
 */
final class LimeTarget implements FuzzTarget {

	private String intactId;

	private String intactFirstEvent;

	private Instant intactExpiresAt;

	private String id;

	private String approvable;

	@Override
	public String name() {
		return "lime";
	}

	@Override
	public void prepare(JsonCalls calls) throws Exception {
		JsonNode intact = calls.ok("POST", "/lime-login/requests", null);
		this.intactId = intact.get("requestId").asString();
		this.intactExpiresAt = Instant.parse(intact.get("expiresAt").asString());
		this.intactFirstEvent = firstEvent(calls);
		this.id = calls.ok("POST", "/lime-login/requests", null).get("requestId").asString();
		this.approvable = calls.ok("POST", "/lime-login/requests", null).get("requestId").asString();
	}

	@Override
	public List<Seed> seeds() {
		Header json = new Header("Content-Type", "application/json");
		return List.of(Seed.http("POST", "/lime-login/requests", ""),
				Seed.http("POST", "/lime-login/requests", "{}", json),
				Seed.http("GET", "/lime-login/requests/" + this.id + "/events", "",
						new Header("Accept", "text/event-stream")),
				Seed.http("GET", "/lime-login/demo-agent", ""),
				Seed.http("POST", "/lime-login/demo-agent/" + this.approvable, ""));
	}

	@Override
	public List<String> ids() {
		return List.of(this.id, this.approvable);
	}

	@Override
	public String checkIntact(JsonCalls calls) throws Exception {
		boolean expired = Instant.now().isAfter(this.intactExpiresAt.plusSeconds(5));
		String now = firstEvent(calls);
		if (expired ? now.equals("200 event:expired") || now.startsWith("404 ") : now.equals(this.intactFirstEvent)) {
			return null;
		}
		return "login request " + this.intactId + " (expiring at " + this.intactExpiresAt + ") answered "
				+ this.intactFirstEvent + " before the run, now " + now;
	}

	private String firstEvent(JsonCalls calls) throws Exception {
		JsonCalls.Reply reply = calls.firstEvent("/lime-login/requests/" + this.intactId + "/events");
		return reply.status() + " " + reply.text();
	}

}
