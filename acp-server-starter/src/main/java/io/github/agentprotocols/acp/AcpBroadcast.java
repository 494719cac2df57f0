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

import java.util.List;
import java.util.Locale;
import java.util.Objects;

import org.jspecify.annotations.Nullable;

/**
 * A notification for the clients of one thread (spec §5.6), delivered by the
 * {@link AcpBroadcaster} to its {@link AcpBroadcastListener listeners} in the thread's
 * order after the write it reports has committed. One record per server-to-client event
 * of the Socket.IO transport.
 */
public sealed interface AcpBroadcast {

	/**
	 * The thread whose room receives the notification.
	 * @return the thread id
	 */
	String threadId();

	/**
	 * The {@link EventAppended} notifications of the events a store write appended, in
	 * log order.
	 * @param write the committed write
	 * @return one notification per appended event
	 */
	static List<AcpBroadcast> eventsOf(StoreWrite write) {
		return write.events().stream().<AcpBroadcast>map(EventAppended::new).toList();
	}

	/**
	 * An event was appended to the log: Socket.IO {@code event}.
	 *
	 * @param event the stored event
	 */
	record EventAppended(Event event) implements AcpBroadcast {

		/**
		 * Create a new {@code EventAppended}, checking that it has an event.
		 * @param event the stored event
		 */
		public EventAppended {
			Objects.requireNonNull(event, "event");
		}

		@Override
		public String threadId() {
			return this.event.threadId();
		}

	}

	/**
	 * A thread was patched: Socket.IO {@code thread:updated}.
	 *
	 * @param thread the thread after the patch
	 */
	record ThreadUpdated(AcpThread thread) implements AcpBroadcast {

		/**
		 * Create a new {@code ThreadUpdated}, checking that it has a thread.
		 * @param thread the thread after the patch
		 */
		public ThreadUpdated {
			Objects.requireNonNull(thread, "thread");
		}

		@Override
		public String threadId() {
			return this.thread.id();
		}

	}

	/**
	 * The member list changed: Socket.IO {@code members:updated}.
	 *
	 * @param threadId the thread
	 * @param members the identities of the current members, in the order they were added
	 */
	record MembersUpdated(String threadId, List<Identity> members) implements AcpBroadcast {

		/**
		 * Create a new {@code MembersUpdated}, keeping a copy of the members.
		 * @param threadId the thread
		 * @param members the identities of the current members, in the order they were
		 * added
		 */
		public MembersUpdated {
			Objects.requireNonNull(threadId, "threadId");
			members = List.copyOf(members);
		}

	}

	/**
	 * A run was created or changed status: Socket.IO {@code run:updated}.
	 *
	 * @param run the run in its new status
	 */
	record RunUpdated(Run run) implements AcpBroadcast {

		/**
		 * Create a new {@code RunUpdated}, checking that it has a run.
		 * @param run the run in its new status
		 */
		public RunUpdated {
			Objects.requireNonNull(run, "run");
		}

		@Override
		public String threadId() {
			return this.run.threadId();
		}

	}

	/**
	 * Sockets lose access to a thread and are removed from its room (spec §5.8):
	 * Socket.IO {@code thread:removed}, then the kick.
	 *
	 * @param thread the thread: as it was for {@code deleted}, with its new tenant for
	 * {@code tenant_changed}
	 * @param reason why access was lost
	 * @param identityId the removed member's identity id for {@code member_removed}, else
	 * {@code null}
	 */
	record ThreadRemoved(AcpThread thread, Reason reason, @Nullable String identityId) implements AcpBroadcast {

		/**
		 * Create a new {@code ThreadRemoved}.
		 * @throws IllegalArgumentException when an identity id is given for another
		 * reason than {@code member_removed}, or missing for it
		 * @param thread the thread: as it was for {@code deleted}, with its new tenant
		 * for {@code tenant_changed}
		 * @param reason why access was lost
		 * @param identityId the removed member's identity id for {@code member_removed},
		 * else {@code null}
		 */
		public ThreadRemoved {
			Objects.requireNonNull(thread, "thread");
			Objects.requireNonNull(reason, "reason");
			if ((reason == Reason.MEMBER_REMOVED) != (identityId != null)) {
				throw new IllegalArgumentException("an identity id goes with, and only with, member_removed");
			}
		}

		@Override
		public String threadId() {
			return this.thread.id();
		}

		/**
		 * Why sockets were removed from a thread's room.
		 */
		public enum Reason {

			/** The thread was deleted: every socket of the room. */
			DELETED,

			/** A member was removed: that identity's sockets. */
			MEMBER_REMOVED,

			/** The tenant changed: the sockets that no longer match it. */
			TENANT_CHANGED;

			/**
			 * The reason as written on the wire.
			 * @return for example {@code member_removed}
			 */
			public String wireName() {
				return name().toLowerCase(Locale.ROOT);
			}

		}

	}

}
