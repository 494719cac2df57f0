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

import java.util.List;

import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import tools.jackson.databind.node.ArrayNode;

/**
 * Calls the application's session hooks in order and maps their outcomes to the
 * protocol's answers (spec §8): a {@link CreateSessionHook} or {@link ExtendHook} that
 * throws refuses with 403 and its message, a {@link DoneHook} that throws is logged.
 * {@link ActionHook}s run within an {@link ActionBatch}, {@link BrowserAuth} hooks within
 * the {@link UserEditPolicy}.
 */
final class HookRunner {

	/** The most seconds one extension may add. */
	static final long MAX_EXTRA_SECONDS = 86400;

	private static final Log logger = LogFactory.getLog(HookRunner.class);

	private final Hooks hooks;

	HookRunner(Hooks hooks) {
		this.hooks = hooks;
	}

	List<ActionHook> action() {
		return this.hooks.action();
	}

	/**
	 * Whether any {@link DoneHook} is registered.
	 * @return true if {@link #done} calls a hook
	 */
	boolean hasDone() {
		return !this.hooks.done().isEmpty();
	}

	/**
	 * Runs the create hooks on a new session, which they may change.
	 * @param session the session about to be stored
	 * @param request the create request
	 * @throws HandshakeException 403 with the message of the first hook that throws
	 */
	void createSession(HandshakeSession session, HandshakeRequest request) {
		for (CreateSessionHook hook : this.hooks.createSession()) {
			try {
				hook.onCreateSession(session, request);
			}
			catch (RuntimeException ex) {
				throw new HandshakeException(403, Hooks.messageOf(ex));
			}
		}
	}

	/**
	 * Runs the extend hooks, each seeing the seconds the previous one decided.
	 * @param snapshot a copy of the session
	 * @param extraSeconds the seconds requested
	 * @param request the extend request
	 * @return the seconds decided, at most {@value #MAX_EXTRA_SECONDS}
	 * @throws HandshakeException 403 when a hook denies the extension or throws
	 */
	long extend(HandshakeSession snapshot, long extraSeconds, HandshakeRequest request) {
		long extra = extraSeconds;
		for (ExtendHook hook : this.hooks.extend()) {
			ExtensionDecision decision;
			try {
				decision = hook.onExtend(snapshot, extra, request);
			}
			catch (RuntimeException ex) {
				throw new HandshakeException(403, Hooks.messageOf(ex));
			}
			if (decision != null && !decision.allowed()) {
				throw HandshakeException.extensionDenied();
			}
			if (decision != null && decision.extraSeconds() > 0) {
				extra = Math.min(decision.extraSeconds(), MAX_EXTRA_SECONDS);
			}
		}
		return extra;
	}

	/**
	 * Runs the done hooks after an action batch; a hook that throws is logged and the
	 * next one runs.
	 * @param session a copy of the session after the batch
	 * @param applied keys applied, in order
	 * @param rejected keys rejected, in order
	 * @param errors the error entries of the response, copied for each hook
	 */
	void done(HandshakeSession session, List<String> applied, List<String> rejected, ArrayNode errors) {
		for (DoneHook hook : this.hooks.done()) {
			try {
				hook.onDone(session, applied, rejected, errors.deepCopy());
			}
			catch (RuntimeException ex) {
				logger.warn("Done hook failed", ex);
			}
		}
	}

}
