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

package io.github.agentprotocols.happy;

import org.jspecify.annotations.Nullable;

/**
 * Thrown when a session metadata update keeps losing the optimistic-concurrency race: the
 * server answered {@code version-mismatch} more often than the client retries. A
 * {@link MetadataUpdateException}, so that one catch covers every failed update.
 */
public class MetadataConflictException extends MetadataUpdateException {

	/**
	 * Creates an exception for the given session.
	 * @param message the detail message
	 * @param sessionId the id of the session updated, if known
	 */
	public MetadataConflictException(String message, @Nullable String sessionId) {
		super(message, sessionId);
	}

}
