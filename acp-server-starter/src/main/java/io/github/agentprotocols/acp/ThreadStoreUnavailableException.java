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
 * Thrown by a {@link ThreadStore} whose database cannot be reached. The REST layer
 * answers 503 in the error shape until it is back; nothing of the failed operation was
 * stored.
 */
public class ThreadStoreUnavailableException extends AcpException {

	/**
	 * Creates an exception.
	 * @param message what failed
	 * @param cause the driver's failure
	 */
	public ThreadStoreUnavailableException(String message, Throwable cause) {
		super(AcpErrorCode.INTERNAL_ERROR, 503, message, cause);
	}

}
