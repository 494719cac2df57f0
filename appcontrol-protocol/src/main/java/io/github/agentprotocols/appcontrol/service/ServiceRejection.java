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

package io.github.agentprotocols.appcontrol.service;

import io.github.agentprotocols.appcontrol.AppControlException;
import io.github.agentprotocols.appcontrol.QuotedText;
import io.github.agentprotocols.appcontrol.ServiceResponse;
import io.github.agentprotocols.appcontrol.ToolError;

/**
 * A service request the host refuses: an HTTP status plus the envelope to answer with.
 */
public class ServiceRejection extends AppControlException {

	/** The HTTP status of the rejection. */
	private final int httpStatus;

	/** The service response sent with it. */
	private final ServiceResponse response;

	/**
	 * Create a new rejection.
	 * @param httpStatus the HTTP status
	 * @param response the service response sent with it
	 */
	public ServiceRejection(int httpStatus, ServiceResponse response) {
		super((response.error() != null) ? response.error().message() : response.status().wireValue(), null, false,
				false);
		this.httpStatus = httpStatus;
		this.response = response;
	}

	/**
	 * A {@code failed} envelope with a non-retryable error. A lone surrogate the message
	 * quotes of the request is escaped, so that the error is one the protocol carries.
	 * @param httpStatus the HTTP status
	 * @param failureKind the error's machine code
	 * @param message the error's message
	 * @return the rejection
	 */
	public static ServiceRejection failed(int httpStatus, String failureKind, String message) {
		return new ServiceRejection(httpStatus,
				ServiceResponse.failed(new ToolError(failureKind, QuotedText.escaped(message)), null));
	}

	/**
	 * The refusal of a request whose bytes are not UTF-8, the same on every transport.
	 * @return an {@code invalid_json} rejection (400)
	 */
	static ServiceRejection notUtf8() {
		return failed(400, "invalid_json", "request is not UTF-8 text");
	}

	/**
	 * The refusal of a request body the client cut short by closing the connection before
	 * sending all of it: no whole JSON document, as a truncated line is on the socket.
	 * @return an {@code invalid_json} rejection (400)
	 */
	public static ServiceRejection incomplete() {
		return failed(400, "invalid_json",
				"request body incomplete: the client closed the connection before sending all of it");
	}

	/**
	 * The HTTP status to answer with.
	 * @return the status code
	 */
	public int getHttpStatus() {
		return this.httpStatus;
	}

	/**
	 * The envelope to answer with.
	 * @return the response
	 */
	public ServiceResponse getResponse() {
		return this.response;
	}

}
