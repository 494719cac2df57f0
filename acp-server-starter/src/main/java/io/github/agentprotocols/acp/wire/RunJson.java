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

import io.github.agentprotocols.acp.Run;
import io.github.agentprotocols.acp.RunError;
import io.github.agentprotocols.acp.RunStatus;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * The JSON of runs (spec §2.5) and run errors ({@code {code, message}}). The chain depth
 * and parent run are not on the wire.
 */
final class RunJson {

	private RunJson() {
	}

	static ObjectNode write(Run run) {
		ObjectNode node = JsonTrees.nodes.objectNode();
		node.put("id", run.id());
		node.put("thread_id", run.threadId());
		node.set("assistant", IdentityJson.write(run.assistant()));
		node.set("triggered_by", IdentityJson.write(run.triggeredBy()));
		node.put("status", run.status().wireName());
		node.put("started_at", AcpTimestamps.format(run.startedAt()));
		node.put("completed_at", (run.completedAt() != null) ? AcpTimestamps.format(run.completedAt()) : null);
		node.set("error", (run.error() != null) ? writeError(run.error()) : JsonTrees.nodes.nullNode());
		node.put("idempotency_key", run.idempotencyKey());
		node.set("metadata", JsonTrees.object(run.metadata()));
		return node;
	}

	static Run read(JsonNode node) {
		JsonFields fields = JsonFields.of(node, "run");
		JsonNode error = fields.optional("error");
		return new Run(fields.requiredString("id"), fields.requiredString("thread_id"),
				IdentityJson.read(fields.required("assistant")), IdentityJson.read(fields.required("triggered_by")),
				RunStatus.fromWireName(fields.requiredString("status")), fields.requiredTimestamp("started_at"),
				fields.optionalTimestamp("completed_at"), (error != null) ? readError(error) : null,
				fields.optionalString("idempotency_key"), fields.optionalObject("metadata"), 0, null);
	}

	static ObjectNode writeError(RunError error) {
		ObjectNode node = JsonTrees.nodes.objectNode();
		node.put("code", error.code());
		node.put("message", error.message());
		return node;
	}

	static RunError readError(JsonNode node) {
		JsonFields fields = JsonFields.of(node, "error");
		return new RunError(fields.requiredString("code"), fields.requiredString("message"));
	}

}
