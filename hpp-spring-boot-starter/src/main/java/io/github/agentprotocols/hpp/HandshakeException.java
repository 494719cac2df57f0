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

/**
 * A refused request: the HTTP status and the {@code error} message of the protocol's
 * error body {@code {"error": "..."}}.
 */
public class HandshakeException extends HppException {

	private static final String INVALID_TOKEN = "invalid token";

	private static final String SESSION_NOT_FOUND = "session not found or expired";

	/** The HTTP status of the response. */
	private final int status;

	/** Seconds the client should wait before retrying, or 0. */
	private final long retryAfterSeconds;

	/**
	 * Creates an exception.
	 * @param status the HTTP status
	 * @param error the message sent as {@code error}
	 */
	public HandshakeException(int status, String error) {
		this(status, error, 0);
	}

	/**
	 * Creates an exception that tells the client when to retry.
	 * @param status the HTTP status
	 * @param error the message sent as {@code error}
	 * @param retryAfterSeconds seconds to wait, or 0 for no advice
	 */
	public HandshakeException(int status, String error, long retryAfterSeconds) {
		super(error, null, false, false);
		this.status = status;
		this.retryAfterSeconds = retryAfterSeconds;
	}

	/**
	 * Return the HTTP status of the response.
	 * @return the HTTP status
	 */
	public int getStatus() {
		return this.status;
	}

	/**
	 * Seconds the client should wait before retrying.
	 * @return the seconds, or 0 when not applicable
	 */
	public long getRetryAfterSeconds() {
		return this.retryAfterSeconds;
	}

	/**
	 * The refusal of a missing or wrong handshake token: 403 {@code invalid token}.
	 * @return the exception
	 */
	public static HandshakeException invalidToken() {
		return new HandshakeException(403, INVALID_TOKEN);
	}

	/**
	 * Whether this is the refusal of a missing or wrong handshake token.
	 * @return true for 403 {@code invalid token}
	 */
	public boolean isInvalidToken() {
		return this.status == 403 && INVALID_TOKEN.equals(getMessage());
	}

	/**
	 * The answer for an unknown or expired session: 404
	 * {@code session not found or expired}.
	 * @return the exception
	 */
	static HandshakeException sessionNotFound() {
		return new HandshakeException(404, SESSION_NOT_FOUND);
	}

	/**
	 * The refusal of an extension: 403 {@code extension denied by server policy}.
	 * @return the exception
	 */
	static HandshakeException extensionDenied() {
		return new HandshakeException(403, "extension denied by server policy");
	}

	static HandshakeException badRequest(String error) {
		return new HandshakeException(400, error);
	}

}
