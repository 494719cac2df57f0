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

import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;

import org.jspecify.annotations.Nullable;

/**
 * An invocation of assistants on a thread (spec §4.10, §6.1, §6.7), as the store records
 * it. Registration of the assistants' handlers is checked before; the store checks that
 * each is an assistant member of the thread.
 *
 * @param assistantIds 1-16 distinct assistant ids, in request order
 * @param triggeredBy the caller, or the invoking assistant of a chained run
 * @param idempotencyKey the idempotency key (1-255 characters), or {@code null}
 * @param options the invocation options, stored as each new run's metadata
 * @param chainDepth 0, or the parent's depth plus one for a chained run
 * @param parentRunId the run that chains this invocation, or {@code null}
 */
public record InvocationRequest(List<String> assistantIds, Identity triggeredBy, @Nullable String idempotencyKey,
		Map<String, Object> options, int chainDepth, @Nullable String parentRunId) {

	/**
	 * Create a new {@code InvocationRequest}, checking the assistant ids (one or more,
	 * none repeated) and the idempotency key.
	 * @param assistantIds 1-16 distinct assistant ids, in request order
	 * @param triggeredBy the caller, or the invoking assistant of a chained run
	 * @param idempotencyKey the idempotency key (1-255 characters), or {@code null}
	 * @param options the invocation options, stored as each new run's metadata
	 * @param chainDepth 0, or the parent's depth plus one for a chained run
	 * @param parentRunId the run that chains this invocation, or {@code null}
	 */
	public InvocationRequest {
		AcpLimits.check(assistantIds != null && !assistantIds.isEmpty(), "assistant_ids must be non-empty");
		AcpLimits.check(assistantIds.size() <= AcpLimits.MAX_ASSISTANT_IDS,
				"assistant_ids has more than " + AcpLimits.MAX_ASSISTANT_IDS + " entries");
		AcpLimits.check(new HashSet<>(assistantIds).size() == assistantIds.size(),
				"assistant_ids must not repeat an id");
		assistantIds = List.copyOf(assistantIds);
		Objects.requireNonNull(triggeredBy, "triggeredBy");
		AcpLimits.optionalLength(idempotencyKey, AcpLimits.MAX_IDEMPOTENCY_KEY_LENGTH, "idempotency_key");
		options = JsonValues.metadata(options, "options");
		if (chainDepth < 0) {
			throw new IllegalArgumentException("chainDepth must not be negative");
		}
	}

	/**
	 * An invocation by a client (REST or Socket.IO).
	 * @param assistantIds the assistant ids
	 * @param caller the caller
	 * @param idempotencyKey the idempotency key, or {@code null}
	 * @param options the options, or {@code null} for none
	 * @return the request
	 */
	public static InvocationRequest of(List<String> assistantIds, Identity caller, @Nullable String idempotencyKey,
			@Nullable Map<String, Object> options) {
		return new InvocationRequest(assistantIds, caller, idempotencyKey, options, 0, null);
	}

	/**
	 * A chained invocation ({@code ctx.invoke}) of one assistant by a running run: no
	 * idempotency key, no options, depth one more than the parent's.
	 * @param assistantId the assistant to invoke
	 * @param parent the invoking run
	 * @return the request
	 */
	public static InvocationRequest chained(String assistantId, Run parent) {
		return new InvocationRequest(List.of(assistantId), parent.assistant(), null, null, parent.chainDepth() + 1,
				parent.id());
	}

}
