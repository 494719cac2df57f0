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

package io.github.agentprotocols.hpp;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.BiFunction;

import io.github.agentprotocols.hpp.wire.PythonTruthiness;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * One action request: its actions checked (type, key, hooks, schema) against a copy of
 * the session, then applied atomically to the stored session under the ownership rules.
 */
final class ActionBatch {

	private static final JsonNodeFactory nodes = JsonNodeFactory.instance;

	private static final double DEFAULT_INTERVAL_MS = 300;

	private final ArrayNode actions;

	private final boolean stream;

	private final double intervalMs;

	private final HandshakeSettings.Pacing pacing;

	private ActionBatch(ArrayNode actions, boolean stream, double intervalMs, HandshakeSettings.Pacing pacing) {
		this.actions = actions;
		this.stream = stream;
		this.intervalMs = intervalMs;
		this.pacing = pacing;
	}

	static ActionBatch parse(ObjectNode payload, HandshakeSettings.Pacing pacing) {
		JsonNode actions = payload.get("actions");
		if (actions != null && !actions.isNull() && !actions.isArray()) {
			throw HandshakeException.badRequest("actions must be an array");
		}
		JsonNode interval = payload.get("intervalMs");
		if (interval != null && !interval.isNumber()) {
			throw HandshakeException.badRequest("intervalMs must be a number");
		}
		boolean stream = !payload.has("stream") || PythonTruthiness.isTruthy(payload.get("stream"));
		return new ActionBatch((actions != null && actions.isArray()) ? (ArrayNode) actions : nodes.arrayNode(), stream,
				(interval != null) ? interval.doubleValue() : DEFAULT_INTERVAL_MS, pacing);
	}

	boolean stream() {
		return this.stream;
	}

	/**
	 * The pause after each of a number of action events: {@code intervalMs} clamped to
	 * the maximum interval, shortened so the whole batch stays within its maximum.
	 * @param events the number of action events
	 * @return the pause
	 */
	Duration pause(int events) {
		double millis = Math.min(Math.max(0, this.intervalMs), this.pacing.maxInterval().toMillis());
		if (events > 0) {
			millis = Math.min(millis, (double) this.pacing.maxBatch().toMillis() / events);
		}
		return Duration.ofNanos((long) (millis * 1_000_000));
	}

	List<Step> check(HandshakeSession snapshot, HandshakeRequest request, List<ActionHook> hooks,
			FieldValidation validation, BiFunction<String, JsonNode, @Nullable String> sizeCheck) {
		return check(snapshot.getSchema(), (action, key) -> hooked(action, key, snapshot, request, hooks), validation,
				sizeCheck);
	}

	/**
	 * Checks the actions of a batch that no action hook sees, against the session's
	 * schema alone.
	 * @param schema the session's schema
	 * @param validation the schema checks
	 * @param sizeCheck the size checks
	 * @return the checked steps
	 */
	List<Step> check(ArrayNode schema, FieldValidation validation,
			BiFunction<String, JsonNode, @Nullable String> sizeCheck) {
		return check(schema, (action, key) -> null, validation, sizeCheck);
	}

	private List<Step> check(ArrayNode schema, BiFunction<JsonNode, String, @Nullable Step> hooks,
			FieldValidation validation, BiFunction<String, JsonNode, @Nullable String> sizeCheck) {
		List<Step> steps = new ArrayList<>();
		for (JsonNode action : this.actions) {
			steps.add(check(action, schema, hooks, validation, sizeCheck));
		}
		return steps;
	}

	private Step check(JsonNode action, ArrayNode schema, BiFunction<JsonNode, String, @Nullable Step> hooks,
			FieldValidation validation, BiFunction<String, JsonNode, @Nullable String> sizeCheck) {
		if (!action.isObject()) {
			return Step.error(actionError(action, "action must be an object"));
		}
		JsonNode type = action.get("type");
		if (type == null || !type.isString() || !"set".equals(type.stringValue())) {
			return Step.error(actionError(action, "unsupported action type"));
		}
		JsonNode keyNode = action.get("key");
		if (keyNode == null || keyNode.isNull()) {
			return Step.error(actionError(action, "missing key"));
		}
		if (!keyNode.isString()) {
			return Step.error(actionError(action, "key must be a string"));
		}
		String key = keyNode.stringValue();
		Step rejected = hooks.apply(action, key);
		if (rejected != null) {
			return rejected;
		}
		JsonNode value = action.has("value") ? action.get("value") : nodes.nullNode();
		String problem = validation.validate(schema, key, value);
		if (problem == null) {
			problem = sizeCheck.apply(key, value);
		}
		if (problem != null) {
			return Step.error(keyError(key, problem));
		}
		return new Step(Step.Kind.CANDIDATE, key, value, null);
	}

	/**
	 * The step of an action that an action hook rejects, or {@code null} when every hook
	 * lets it through.
	 */
	private static @Nullable Step hooked(JsonNode action, String key, HandshakeSession snapshot,
			HandshakeRequest request, List<ActionHook> hooks) {
		for (ActionHook hook : hooks) {
			try {
				if (!hook.onAction(snapshot, action, request)) {
					return new Step(Step.Kind.REJECTED, key, null, null);
				}
			}
			catch (RuntimeException ex) {
				return new Step(Step.Kind.REJECTED, key, null, keyError(key, Hooks.messageOf(ex)));
			}
		}
		return null;
	}

	/**
	 * The batch as it is when every write of the checked steps is applied, which a store
	 * may publish as it writes them: only when its events are not paced and no step is
	 * rejected (as with no action hook).
	 * @param steps the checked steps
	 * @return the batch, or {@code null} when its events are paced or a step is rejected
	 */
	AgentWrites.@Nullable UnpacedBatch unpaced(List<Step> steps) {
		int writes = 0;
		for (Step step : steps) {
			if (step.kind() == Step.Kind.REJECTED) {
				return null;
			}
			if (step.kind() == Step.Kind.CANDIDATE) {
				writes++;
			}
		}
		return pause(this.stream ? writes : 0).isZero() ? new AgentWrites.UnpacedBatch(this.stream) : null;
	}

	/**
	 * The writes of the checked steps that are candidates, in order.
	 * @param steps the checked steps
	 * @return the writes
	 */
	static List<AgentWrites.Write> writes(List<Step> steps) {
		List<AgentWrites.Write> writes = new ArrayList<>();
		for (Step step : steps) {
			if (step.kind() == Step.Kind.CANDIDATE) {
				writes.add(new AgentWrites.Write(step.key(), step.value()));
			}
		}
		return writes;
	}

	/**
	 * The batch's result once the {@linkplain #writes writes} of its steps were applied
	 * to the stored session.
	 * @param steps the checked steps
	 * @param writes the outcome of their writes
	 * @return the result
	 */
	Result result(List<Step> steps, AgentWrites writes) {
		if (writes.expired()) {
			return Result.EXPIRED;
		}
		List<Step> applied = new ArrayList<>();
		List<String> rejected = new ArrayList<>();
		ArrayNode errors = nodes.arrayNode();
		int write = 0;
		for (Step step : steps) {
			if (step.error() != null) {
				errors.add(step.error());
			}
			if (step.kind() == Step.Kind.REJECTED) {
				rejected.add(step.key());
			}
			else if (step.kind() == Step.Kind.CANDIDATE) {
				switch (writes.outcomes().get(write++)) {
					case WRITTEN -> applied.add(step);
					case REFUSED -> rejected.add(step.key());
					case FIELD_LIMIT -> errors.add(keyError(step.key(), "too many fields in session"));
				}
			}
		}
		return new Result(false, applied, rejected, errors, writes.missing(), writes.fields(), writes.session());
	}

	private static ObjectNode actionError(JsonNode action, String msg) {
		ObjectNode error = nodes.objectNode();
		error.set("action", action);
		return error.put("msg", msg);
	}

	private static ObjectNode keyError(String key, String msg) {
		return nodes.objectNode().put("key", key).put("msg", msg);
	}

	/**
	 * The checked form of one action.
	 *
	 * @param kind what happens to the action
	 * @param key the field key, or null for actions without a usable key
	 * @param value the value to write (candidates only)
	 * @param error the error entry to report, or null
	 */
	record Step(Kind kind, @Nullable String key, @Nullable JsonNode value, @Nullable ObjectNode error) {

		static Step error(ObjectNode error) {
			return new Step(Kind.INVALID, null, null, error);
		}

		enum Kind {

			/** Reported in errors only. */
			INVALID,
			/** Listed in rejected (and in errors if the step has an error). */
			REJECTED,
			/** To be written. */
			CANDIDATE

		}

	}

	/**
	 * The outcome of applying a batch.
	 *
	 * @param expired whether the session had expired (nothing else is set)
	 * @param applied the steps written
	 * @param rejected keys rejected
	 * @param errors error entries
	 * @param missing required keys still empty
	 * @param fields the field values after the batch, to be rendered once the session is
	 * released
	 * @param session a copy of the session after the batch, if asked for
	 */
	record Result(boolean expired, List<Step> applied, List<String> rejected, ArrayNode errors, List<String> missing,
			Map<String, FieldValue> fields, @Nullable HandshakeSession session) {

		static final Result EXPIRED = new Result(true, List.of(), List.of(), nodes.arrayNode(), List.of(), Map.of(),
				null);

	}

}
