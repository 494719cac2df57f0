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

import com.fasterxml.jackson.annotation.JsonSubTypes;
import com.fasterxml.jackson.annotation.JsonTypeInfo;
import org.jspecify.annotations.Nullable;

/**
 * The body of a persistent {@code update} event (spec §5.3), told apart by {@code t}.
 * Bodies the client does not use (and those of newer servers) read as {@link Other}.
 */
@JsonTypeInfo(use = JsonTypeInfo.Id.NAME, property = "t", defaultImpl = Update.Other.class)
@JsonSubTypes({ @JsonSubTypes.Type(value = Update.NewMessage.class, name = "new-message"),
		@JsonSubTypes.Type(value = Update.UpdateSession.class, name = "update-session"),
		@JsonSubTypes.Type(value = Update.DeleteSession.class, name = "delete-session") })
public sealed interface Update {

	/**
	 * A message was stored in a session.
	 *
	 * @param sid the session id
	 * @param message the stored message
	 */
	record NewMessage(String sid, MessageRecord message) implements Update {

		/**
		 * Create a new {@code NewMessage}, refusing what the client could not use.
		 * @param sid the session id
		 * @param message the stored message
		 */
		public NewMessage {
			Objects.requireNonNull(sid, "A new-message update needs a sid");
			Objects.requireNonNull(message, "A new-message update needs a message");
		}

	}

	/**
	 * A session's metadata or agent state changed; either part may be absent.
	 *
	 * @param id the session id
	 * @param metadata the new metadata, or {@code null}
	 * @param agentState the new agent state, or {@code null}
	 */
	record UpdateSession(String id, @Nullable VersionedValue metadata,
			@Nullable VersionedValue agentState) implements Update {

		/**
		 * Create a new {@code UpdateSession}, refusing what the client could not use.
		 * @param id the session id
		 * @param metadata the new metadata, or {@code null}
		 * @param agentState the new agent state, or {@code null}
		 */
		public UpdateSession {
			Objects.requireNonNull(id, "An update-session update needs an id");
		}

	}

	/**
	 * A session was deleted.
	 *
	 * @param sid the session id
	 */
	record DeleteSession(String sid) implements Update {

		/**
		 * Create a new {@code DeleteSession}, refusing what the client could not use.
		 * @param sid the session id
		 */
		public DeleteSession {
			Objects.requireNonNull(sid, "A delete-session update needs a sid");
		}

	}

	/**
	 * Any other update, ignored by the client.
	 */
	record Other() implements Update {

	}

}
