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
 * The REST endpoints of the {@link FakeHappyServer} (spec §4), as targeted by
 * {@link FakeHappyFaults#delay} and {@link FakeHappyFaults#failNext}.
 */
public enum HappyEndpoint {

	/** {@code GET /}. */
	ROOT,

	/** {@code GET /health}. */
	HEALTH,

	/** {@code POST /v1/auth}, the signed challenge. */
	AUTH,

	/** {@code POST /v1/auth/account/request}, the account-link request (polled). */
	ACCOUNT_LINK_REQUEST,

	/**
	 * {@code POST /v1/auth/account/response}, an app's answer to an account-link request.
	 */
	ACCOUNT_LINK_RESPONSE,

	/** {@code GET /v1/sessions}. */
	LIST_SESSIONS,

	/** {@code GET /v2/sessions}, cursor paging. */
	PAGE_SESSIONS,

	/** {@code GET /v2/sessions/active}. */
	LIST_ACTIVE_SESSIONS,

	/** {@code POST /v1/sessions}, create or load by tag. */
	CREATE_SESSION,

	/** {@code POST /v1/sessions/{id}/archive}. */
	ARCHIVE_SESSION,

	/** {@code DELETE /v1/sessions/{id}}. */
	DELETE_SESSION,

	/** {@code GET /v1/sessions/{id}/messages}, the legacy listing. */
	LIST_MESSAGES_V1,

	/** {@code GET /v3/sessions/{id}/messages}. */
	LIST_MESSAGES,

	/** {@code POST /v3/sessions/{id}/messages}. */
	SEND_MESSAGES,

	/** {@code GET /v1/machines}. */
	LIST_MACHINES,

	/** {@code GET /v1/machines/{id}}. */
	GET_MACHINE,

	/** {@code POST /v1/machines}, create or return. */
	CREATE_MACHINE,

	/** {@code DELETE /v1/machines/{id}}. */
	DELETE_MACHINE,

	/** Any other route (answered 404). */
	UNKNOWN

}
