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
 * The endpoints of the {@link FakeLimeApi}, as counted by {@link RecordedRequests} and
 * targeted by {@link FakeLimeFaults}. Paths are relative to {@link FakeLimeApi#baseUrl()}
 * unless said otherwise.
 */
public enum Endpoint {

	/**
	 * {@code POST /modules/agent-login/requests} (site token).
	 */
	CREATE_LOGIN_REQUEST,

	/**
	 * {@code GET /modules/agent-login/requests/{id}} (site token).
	 */
	LOGIN_REQUEST_STATUS,

	/**
	 * {@code GET /modules/agent-login/events}, the site's SSE stream (site token).
	 */
	EVENTS,

	/**
	 * {@code GET /auth/requests/{id}}, the public proof-of-work challenge.
	 */
	CHALLENGE,

	/**
	 * {@code POST /modules/agent-login/requests/{id}/approve} (agent token).
	 */
	APPROVE,

	/**
	 * {@code GET /core/.well-known/jwks.json}, the public signing keys.
	 */
	JWKS,

	/**
	 * {@code POST /modules/bindings/requests} (site token).
	 */
	CREATE_BINDING_REQUEST,

	/**
	 * {@code GET /connect/?binding_id=…} at the server's root, the hosted connect page
	 * the browser is sent to; the fake approves at once and redirects to the site.
	 */
	CONNECT,

	/**
	 * Anything else (answered 404 {@code NOT_FOUND}).
	 */
	UNKNOWN

}
