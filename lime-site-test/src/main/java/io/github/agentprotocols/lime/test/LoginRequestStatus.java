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

package io.github.agentprotocols.lime.test;

/**
 * The state of a login request held by the {@link FakeLimeApi}, spelled as on the wire.
 */
public enum LoginRequestStatus {

	/**
	 * Created; the challenge is readable and the request can be approved.
	 */
	PENDING,

	/**
	 * Approved by the agent and a passport minted, but no site stream was open to receive
	 * it.
	 */
	APPROVED,

	/**
	 * Approved and the {@code approved} event pushed onto at least one open site stream.
	 */
	DELIVERED,

	/**
	 * Passed {@code expires_at} unapproved; an {@code expired} event was emitted.
	 */
	EXPIRED

}
