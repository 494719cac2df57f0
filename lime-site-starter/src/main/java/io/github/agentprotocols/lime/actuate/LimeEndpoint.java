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

package io.github.agentprotocols.lime.actuate;

import java.time.Instant;
import java.util.Locale;

import io.github.agentprotocols.lime.LimeStreamLease;
import io.github.agentprotocols.lime.sse.LimeConnectionState;
import io.github.agentprotocols.lime.sse.LimeEventDispatcher;
import org.jspecify.annotations.Nullable;

import org.springframework.boot.actuate.endpoint.annotation.Endpoint;
import org.springframework.boot.actuate.endpoint.annotation.ReadOperation;

/**
 * The {@code lime} actuator endpoint: the event stream as this instance sees it — its
 * connection, the last event read (the position it resumes from) and, with several
 * instances, whether this one holds the lease and reads the stream. Like Spring Boot's
 * own endpoints it is exposed only when the application says so
 * ({@code management.endpoints.web.exposure.include=lime}) and secured as the application
 * secures its actuator.
 */
@Endpoint(id = "lime")
public class LimeEndpoint {

	private final LimeEventDispatcher dispatcher;

	private final @Nullable LimeStreamLease lease;

	/**
	 * Creates the endpoint.
	 * @param dispatcher the event dispatcher
	 * @param lease the lease that elects the instance reading the stream, or {@code null}
	 * with one instance
	 */
	public LimeEndpoint(LimeEventDispatcher dispatcher, @Nullable LimeStreamLease lease) {
		this.dispatcher = dispatcher;
		this.lease = lease;
	}

	/**
	 * The event stream as this instance sees it.
	 * @return the stream's state
	 */
	@ReadOperation
	public Stream stream() {
		LimeConnectionState state = this.dispatcher.getState();
		Throwable failure = state.lastFailure();
		LimeStreamLease held = this.lease;
		return new Stream(this.dispatcher.isRunning(), state.status().name().toLowerCase(Locale.ROOT), state.attempt(),
				state.since(), (failure != null) ? failure.getMessage() : null, this.dispatcher.getLastEventId(),
				this.dispatcher.getLastEventTime(), (held != null) ? held.isHeld() : null);
	}

	/**
	 * The event stream as this instance sees it.
	 *
	 * @param running whether the dispatcher runs on this instance
	 * @param connection the connection's status
	 * @param attempt the connection attempt, counted since the last success
	 * @param since when the connection entered that status
	 * @param lastFailure the last failure's message, if any
	 * @param lastEventId the id of the last event read, where a reconnect resumes
	 * @param lastEventTime when it was read
	 * @param leader whether this instance holds the lease and reads the stream;
	 * {@code null} with one instance (no lease)
	 */
	public record Stream(boolean running, String connection, int attempt, Instant since, @Nullable String lastFailure,
			@Nullable String lastEventId, @Nullable Instant lastEventTime, @Nullable Boolean leader) {
	}

}
