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

package io.github.agentprotocols.happy.test;

import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.jspecify.annotations.Nullable;

/**
 * The fault knobs of a {@link FakeHappyServer}. Knobs apply to the requests and events
 * that follow; {@link #reset()} turns them all off.
 * <p>
 * RPC knobs take a method pattern: a full method such as
 * {@code "<machineId>:spawn-happy-session"}, or {@code "*:<name>"} for that name in any
 * scope.
 */
public final class FakeHappyFaults {

	private final Set<String> offlineMachines = new HashSet<>();

	private final Set<String> neverAcked = new HashSet<>();

	private final List<String> dropCaller = new ArrayList<>();

	private final List<String> dropTarget = new ArrayList<>();

	private final Map<String, MetadataRace> metadataRaces = new HashMap<>();

	private final Map<String, MetadataAckFault> metadataAcks = new HashMap<>();

	private final Map<HappyEndpoint, Duration> delays = new EnumMap<>(HappyEndpoint.class);

	private final Map<HappyEndpoint, InjectedFailure> failures = new EnumMap<>(HappyEndpoint.class);

	private final Set<String> stateFirst = new HashSet<>();

	private final Runnable onlineAgain;

	private final Runnable releaseHeldMessages;

	FakeHappyFaults(Runnable onlineAgain, Runnable releaseHeldMessages) {
		this.onlineAgain = onlineAgain;
		this.releaseHeldMessages = releaseHeldMessages;
	}

	/**
	 * Take a machine offline or back online. While offline, the methods its daemon
	 * registered are not found: calls wait for the target and then answer
	 * {@code RPC method not available} (spec §6.1), as for a daemon that went away.
	 * @param machineId the machine id, the scope of its methods
	 * @param offline whether the machine is offline
	 * @return these faults
	 */
	public FakeHappyFaults machineOffline(String machineId, boolean offline) {
		synchronized (this) {
			toggle(this.offlineMachines, machineId, offline);
		}
		if (!offline) {
			this.onlineAgain.run();
		}
		return this;
	}

	/**
	 * Swallow every matching {@code rpc-call}: it is neither forwarded nor acknowledged,
	 * so only the caller's own ack timeout ends it.
	 * @param methodPattern the method pattern
	 * @return these faults
	 */
	public synchronized FakeHappyFaults rpcNeverAcked(String methodPattern) {
		this.neverAcked.add(methodPattern);
		return this;
	}

	/**
	 * Disconnect the caller's socket right after the next matching {@code rpc-call} was
	 * forwarded to its target, leaving the call's outcome unknown to the caller.
	 * @param methodPattern the method pattern
	 * @return these faults
	 */
	public synchronized FakeHappyFaults dropCallerDuringRpc(String methodPattern) {
		this.dropCaller.add(methodPattern);
		return this;
	}

	/**
	 * Disconnect the target's socket right after the next matching {@code rpc-call} was
	 * forwarded to it: the caller gets {@code RPC target disconnected} once the
	 * disconnect is detected.
	 * @param methodPattern the method pattern
	 * @return these faults
	 */
	public synchronized FakeHappyFaults dropTargetDuringRpc(String methodPattern) {
		this.dropTarget.add(methodPattern);
		return this;
	}

	/**
	 * Make the next {@code update-metadata} calls on a session lose a race: before each,
	 * a concurrent writer stores the metadata again (its version goes up by one and an
	 * {@code update-session} is sent), so the call is answered {@code version-mismatch}
	 * with the new version.
	 * @param sessionId the session id
	 * @param times how many calls lose
	 * @return these faults
	 */
	public FakeHappyFaults metadataVersionMismatch(String sessionId, int times) {
		return metadataVersionMismatch(sessionId, times, null);
	}

	/**
	 * Like {@link #metadataVersionMismatch(String, int)}, the concurrent writer storing
	 * the given encrypted metadata.
	 * @param sessionId the session id
	 * @param times how many calls lose
	 * @param concurrentMetadata the concurrent writer's encrypted metadata (base64), or
	 * {@code null} to store the current metadata again
	 * @return these faults
	 */
	public synchronized FakeHappyFaults metadataVersionMismatch(String sessionId, int times,
			@Nullable String concurrentMetadata) {
		if (times > 0) {
			this.metadataRaces.put(sessionId, new MetadataRace(times, concurrentMetadata));
		}
		else {
			this.metadataRaces.remove(sessionId);
		}
		return this;
	}

	/**
	 * Answer every {@code update-metadata} on a session with a faulty acknowledgement (or
	 * none) instead of storing it, until turned off or {@link #reset()}.
	 * @param sessionId the session id, or {@code "*"} for every session
	 * @param fault how to answer, or {@code null} to answer normally again
	 * @return these faults
	 */
	public synchronized FakeHappyFaults metadataAck(String sessionId, @Nullable MetadataAckFault fault) {
		if (fault != null) {
			this.metadataAcks.put(sessionId, fault);
		}
		else {
			this.metadataAcks.remove(sessionId);
		}
		return this;
	}

	/**
	 * Answer every request to an endpoint only after a delay.
	 * @param endpoint the endpoint
	 * @param delay the delay, {@link Duration#ZERO} for none
	 * @return these faults
	 */
	public synchronized FakeHappyFaults delay(HappyEndpoint endpoint, Duration delay) {
		this.delays.put(endpoint, delay);
		return this;
	}

	/**
	 * Answer the next requests to an endpoint with an error status, then behave normally.
	 * A 5xx status gets the server's {@code Internal Server Error} body, others
	 * {@code {"error":"Injected fault"}}.
	 * @param endpoint the endpoint
	 * @param times how many requests fail
	 * @param status the HTTP status
	 * @return these faults
	 */
	public synchronized FakeHappyFaults failNext(HappyEndpoint endpoint, int times, int status) {
		this.failures.put(endpoint, new InjectedFailure(status, times));
		return this;
	}

	/**
	 * Deliver a session's agent state before the message it follows, as the real server
	 * sometimes does: it handles an agent's {@code message} and its next
	 * {@code update-state} concurrently, so clients can get the {@code update-session}
	 * first, often in the same millisecond. While on, each {@code new-message} an agent
	 * sends over its socket is stored at once (REST reads see it) but broadcast only at
	 * that session's next event: after the {@code update-session} of an
	 * {@code update-state}, before anything else (another message, a heartbeat,
	 * {@code session-end}, a disconnect, a REST post). Turning the knob off releases what
	 * is held.
	 * @param sessionId the session id, or {@code "*"} for every session
	 * @param stateFirst whether the agent state overtakes the message
	 * @return these faults
	 */
	public FakeHappyFaults agentStateBeforeMessage(String sessionId, boolean stateFirst) {
		synchronized (this) {
			toggle(this.stateFirst, sessionId, stateFirst);
		}
		if (!stateFirst) {
			this.releaseHeldMessages.run();
		}
		return this;
	}

	/**
	 * Turn every knob off. Machines taken offline are back online; held messages are
	 * delivered.
	 */
	public void reset() {
		synchronized (this) {
			this.stateFirst.clear();
			this.offlineMachines.clear();
			this.neverAcked.clear();
			this.dropCaller.clear();
			this.dropTarget.clear();
			this.metadataRaces.clear();
			this.metadataAcks.clear();
			this.delays.clear();
			this.failures.clear();
		}
		this.onlineAgain.run();
		this.releaseHeldMessages.run();
	}

	synchronized boolean agentStateBeforeMessage(String sessionId) {
		return this.stateFirst.contains(sessionId) || this.stateFirst.contains("*");
	}

	synchronized boolean isOffline(String method) {
		int colon = method.indexOf(':');
		return colon > 0 && this.offlineMachines.contains(method.substring(0, colon));
	}

	synchronized boolean neverAcked(String method) {
		return this.neverAcked.stream().anyMatch((pattern) -> matches(pattern, method));
	}

	synchronized boolean takeDropCaller(String method) {
		return take(this.dropCaller, method);
	}

	synchronized boolean takeDropTarget(String method) {
		return take(this.dropTarget, method);
	}

	/**
	 * The race the next {@code update-metadata} on the session loses, if any.
	 * @return the race, or {@code null}
	 */
	synchronized @Nullable MetadataRace takeMetadataRace(String sessionId) {
		MetadataRace race = this.metadataRaces.get(sessionId);
		if (race == null) {
			return null;
		}
		if (race.remaining() <= 1) {
			this.metadataRaces.remove(sessionId);
		}
		else {
			this.metadataRaces.put(sessionId, new MetadataRace(race.remaining() - 1, race.metadata()));
		}
		return race;
	}

	/**
	 * The fault the acknowledgement of an {@code update-metadata} on the session shows,
	 * if any.
	 * @return the fault, or {@code null}
	 */
	synchronized @Nullable MetadataAckFault metadataAckFault(String sessionId) {
		MetadataAckFault fault = this.metadataAcks.get(sessionId);
		return (fault != null) ? fault : this.metadataAcks.get("*");
	}

	synchronized Duration delay(HappyEndpoint endpoint) {
		return this.delays.getOrDefault(endpoint, Duration.ZERO);
	}

	synchronized @Nullable Integer takeFailure(HappyEndpoint endpoint) {
		InjectedFailure failure = this.failures.get(endpoint);
		if (failure == null) {
			return null;
		}
		if (failure.remaining() <= 1) {
			this.failures.remove(endpoint);
		}
		else {
			this.failures.put(endpoint, new InjectedFailure(failure.status(), failure.remaining() - 1));
		}
		return failure.status();
	}

	private static void toggle(Set<String> set, String key, boolean on) {
		if (on) {
			set.add(key);
		}
		else {
			set.remove(key);
		}
	}

	private static boolean take(List<String> patterns, String method) {
		for (int i = 0; i < patterns.size(); i++) {
			if (matches(patterns.get(i), method)) {
				patterns.remove(i);
				return true;
			}
		}
		return false;
	}

	static boolean matches(String pattern, String method) {
		return pattern.equals(method) || (pattern.startsWith("*:") && method.endsWith(pattern.substring(1)));
	}

	/**
	 * A lost race still to come.
	 *
	 * @param remaining how many calls still lose
	 * @param metadata what the concurrent writer stores, or {@code null} for the current
	 * metadata
	 */
	record MetadataRace(int remaining, @Nullable String metadata) {

	}

	private record InjectedFailure(int status, int remaining) {

	}

}
