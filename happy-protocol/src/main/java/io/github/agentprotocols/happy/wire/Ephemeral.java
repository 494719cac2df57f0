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
 * An {@code ephemeral} event (spec §5.3), not stored by the server, told apart by
 * {@code type}. Kinds the client does not use read as {@link Other}.
 */
@JsonTypeInfo(use = JsonTypeInfo.Id.NAME, property = "type", defaultImpl = Ephemeral.Other.class)
@JsonSubTypes({ @JsonSubTypes.Type(value = Ephemeral.Activity.class, name = "activity"),
		@JsonSubTypes.Type(value = Ephemeral.MachineActivity.class, name = "machine-activity"),
		@JsonSubTypes.Type(value = Ephemeral.SessionEvent.class, name = "session-event") })
public sealed interface Ephemeral {

	/**
	 * A session heartbeat or deactivation.
	 *
	 * @param id the session id
	 * @param active whether the session is active
	 * @param activeAt the heartbeat time (ms)
	 * @param thinking whether the agent is working on a turn
	 */
	record Activity(String id, boolean active, long activeAt, boolean thinking) implements Ephemeral {

		/**
		 * Create a new {@code Activity}, refusing what the client could not use.
		 * @param id the session id
		 * @param active whether the session is active
		 * @param activeAt the heartbeat time (ms)
		 * @param thinking whether the agent is working on a turn
		 */
		public Activity {
			Objects.requireNonNull(id, "An activity ephemeral needs an id");
		}

	}

	/**
	 * A daemon heartbeat, connect or disconnect.
	 *
	 * @param id the machine id
	 * @param active whether the machine is active
	 * @param activeAt the heartbeat time (ms)
	 */
	record MachineActivity(String id, boolean active, long activeAt) implements Ephemeral {

		/**
		 * Create a new {@code MachineActivity}, refusing what the client could not use.
		 * @param id the machine id
		 * @param active whether the machine is active
		 * @param activeAt the heartbeat time (ms)
		 */
		public MachineActivity {
			Objects.requireNonNull(id, "A machine-activity ephemeral needs an id");
		}

	}

	/**
	 * A push notification raised by a session's agent; {@code done} means its turn ended
	 * and its queue is empty.
	 *
	 * @param sessionId the session id
	 * @param kind {@code done}, {@code permission} or {@code question}
	 * @param title the notification title, or {@code null}
	 * @param body the notification body, or {@code null}
	 */
	record SessionEvent(String sessionId, String kind, @Nullable String title,
			@Nullable String body) implements Ephemeral {

		/**
		 * Create a new {@code SessionEvent}, refusing what the client could not use.
		 * @param sessionId the session id
		 * @param kind {@code done}, {@code permission} or {@code question}
		 * @param title the notification title, or {@code null}
		 * @param body the notification body, or {@code null}
		 */
		public SessionEvent {
			Objects.requireNonNull(sessionId, "A session-event ephemeral needs a sessionId");
			Objects.requireNonNull(kind, "A session-event ephemeral needs a kind");
		}

	}

	/**
	 * Any other ephemeral, ignored by the client.
	 */
	record Other() implements Ephemeral {

	}

}
