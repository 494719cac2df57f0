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

package io.github.agentprotocols.happy.wire;

import org.jspecify.annotations.Nullable;

/**
 * An error answered by the server's REST API (spec §4): {@code error}, and for schema and
 * server errors a {@code message}.
 *
 * @param error the error text
 * @param message the detail, or {@code null}
 */
public record ErrorBody(@Nullable String error, @Nullable String message) {

	/**
	 * The most specific text of the error.
	 * @return the message when present, else the error
	 */
	public @Nullable String text() {
		return (this.message != null && !this.message.isBlank()) ? this.message : this.error;
	}

}
