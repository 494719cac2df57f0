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

package io.github.agentprotocols.happy.test;

/**
 * How the agents of a {@link FakeHappyDaemon} answer each user message (spec §7.4, §9.2).
 */
public enum AgentBehaviour {

	/**
	 * A turn in the session protocol, as current CLIs write it: {@code turn-start}, a
	 * {@code text} with the reply, {@code turn-end} with status {@code completed}, all
	 * with the same turn id.
	 */
	TURNS,

	/**
	 * Legacy agent output, as older CLIs write it: an {@code output} message with the
	 * reply, then the {@code ready} event.
	 */
	LEGACY_READY,

	/**
	 * What {@code happy-coder} 0.13.0 does without a {@code claude} binary: the event
	 * message {@code Process exited unexpectedly}, then an idle agent state; no
	 * {@code ready}, no {@code turn-end}.
	 */
	PROCESS_EXITED,

	/**
	 * Nothing at all, for tests of wait timeouts.
	 */
	SILENT

}
