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
 * Thrown by {@link ThreadStore#append} for an event whose id is already stored (spec §8
 * E25, for example a handler yielding the same factory event twice). Its code is
 * {@code internal_error}: a run that meets it fails with that code.
 */
public class DuplicateEventIdException extends AcpException {

	/**
	 * Creates an exception.
	 * @param eventId the id that is already stored
	 */
	public DuplicateEventIdException(String eventId) {
		super(AcpErrorCode.INTERNAL_ERROR, "event id already stored: " + eventId);
	}

}
