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

/**
 * The error codes of the x64acp error model (spec §3.5), each with the HTTP status a REST
 * response carries.
 */
public enum AcpErrorCode {

	/** {@code authenticate} returned no identity. */
	UNAUTHENTICATED("unauthenticated", 401),

	/** Not a member, not authorized, or outside the tenant scope being set. */
	FORBIDDEN("forbidden", 403),

	/** A thread or run that is missing or invisible, or an unregistered assistant. */
	NOT_FOUND("not_found", 404),

	/** A missing or wrong-shaped payload, a violated limit, an unknown field. */
	INVALID_REQUEST("invalid_request", 400),

	/** An idempotency key reused with a different assistant set. */
	IDEMPOTENCY_CONFLICT("idempotency_conflict", 409),

	/** A Socket.IO namespace path that cannot be parsed against the namespace keys. */
	NAMESPACE_INVALID("namespace_invalid", 0),

	/** An identity whose tenant does not match the connected namespace. */
	NAMESPACE_MISMATCH("namespace_mismatch", 0),

	/** An unexpected failure. */
	INTERNAL_ERROR("internal_error", 500);

	private final String code;

	private final int httpStatus;

	AcpErrorCode(String code, int httpStatus) {
		this.code = code;
		this.httpStatus = httpStatus;
	}

	/**
	 * The code as sent on the wire, for example {@code not_found}.
	 * @return the wire code
	 */
	public String code() {
		return this.code;
	}

	/**
	 * The HTTP status of a REST response with this code.
	 * @return the status, or 0 for the codes only sent when a Socket.IO connection is
	 * refused
	 */
	public int httpStatus() {
		return this.httpStatus;
	}

}
