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

import java.util.Objects;

import org.jspecify.annotations.Nullable;

/**
 * A stored message (spec §4.7); its content is encrypted with the session key.
 *
 * @param id the message id
 * @param seq the per-session sequence number (increasing, may have gaps)
 * @param content the encrypted content
 * @param localId the sender's de-duplication id, or {@code null}
 * @param createdAt creation time (ms)
 * @param updatedAt last change (ms)
 */
public record MessageRecord(String id, long seq, EncryptedContent content, @Nullable String localId, long createdAt,
		long updatedAt) {

	/**
	 * Create a new {@code MessageRecord}, refusing what the client could not use.
	 * @param id the message id
	 * @param seq the per-session sequence number (increasing, may have gaps)
	 * @param content the encrypted content
	 * @param localId the sender's de-duplication id, or {@code null}
	 * @param createdAt creation time (ms)
	 * @param updatedAt last change (ms)
	 */
	public MessageRecord {
		Objects.requireNonNull(id, "A message needs an id");
		Objects.requireNonNull(content, "A message needs content");
	}

	/**
	 * The envelope of a message's content: {@code t} is always {@code "encrypted"}.
	 *
	 * @param t the content type
	 * @param c the encrypted content (base64)
	 */
	public record EncryptedContent(String t, String c) {

		/**
		 * Create a new {@code EncryptedContent}, refusing what the client could not use.
		 * @param t the content type
		 * @param c the encrypted content (base64)
		 */
		public EncryptedContent {
			Objects.requireNonNull(c, "Encrypted content needs c");
		}

	}

}
