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

import org.jspecify.annotations.Nullable;

/**
 * A refused x64acp operation: the error code, the HTTP status and the message of the
 * error body {@code {"detail": …, "error": {"code", "message"}}} (spec §3.5). The base of
 * every exception the starter throws at applications.
 */
public class AcpException extends RuntimeException {

	/** The protocol's error code. */
	private final AcpErrorCode code;

	/** The HTTP status of the error response. */
	private final int status;

	/**
	 * Creates an exception with the code's own HTTP status.
	 * @param code the error code
	 * @param message the message sent to the client
	 */
	public AcpException(AcpErrorCode code, String message) {
		this(code, code.httpStatus(), message);
	}

	/**
	 * Creates an exception with an HTTP status of its own, such as 413 or 415 for
	 * {@code invalid_request}.
	 * @param code the error code
	 * @param status the HTTP status
	 * @param message the message sent to the client
	 */
	public AcpException(AcpErrorCode code, int status, String message) {
		this(code, status, message, null);
	}

	/**
	 * Creates an exception caused by another failure.
	 * @param code the error code
	 * @param status the HTTP status
	 * @param message the message
	 * @param cause the failure behind it, or {@code null}
	 */
	protected AcpException(AcpErrorCode code, int status, String message, @Nullable Throwable cause) {
		super(message, cause, false, false);
		this.code = code;
		this.status = status;
	}

	/**
	 * Return the protocol's error code, sent as {@code error.code}.
	 * @return the error code
	 */
	public AcpErrorCode getCode() {
		return this.code;
	}

	/**
	 * Return the HTTP status of the error response.
	 * @return the HTTP status
	 */
	public int getStatus() {
		return this.status;
	}

	/**
	 * A request whose shape or limits are wrong: 400 {@code invalid_request}.
	 * @param message what is wrong
	 * @return the exception
	 */
	public static AcpException invalidRequest(String message) {
		return new AcpException(AcpErrorCode.INVALID_REQUEST, message);
	}

	/**
	 * A missing or invisible target: 404 {@code not_found}.
	 * @param message for example {@code thread not found}
	 * @return the exception
	 */
	public static AcpException notFound(String message) {
		return new AcpException(AcpErrorCode.NOT_FOUND, message);
	}

	/**
	 * A refused operation: 403 {@code forbidden}.
	 * @param message for example {@code not a member of this thread}
	 * @return the exception
	 */
	public static AcpException forbidden(String message) {
		return new AcpException(AcpErrorCode.FORBIDDEN, message);
	}

	/**
	 * An idempotency key reused with a different assistant set: 409
	 * {@code idempotency_conflict}.
	 * @param message the message
	 * @return the exception
	 */
	public static AcpException idempotencyConflict(String message) {
		return new AcpException(AcpErrorCode.IDEMPOTENCY_CONFLICT, message);
	}

}
