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

import java.time.Duration;
import java.util.List;
import java.util.Map;

import io.github.agentprotocols.happy.core.HappyAuthenticationException;
import io.github.agentprotocols.happy.core.HappyCredentials;
import io.github.agentprotocols.happy.core.HappyException;
import reactor.core.publisher.Mono;

/**
 * Controls Happy agent sessions, blocking (the Python SDK's {@code SyncHappyClient}): the
 * methods of {@link ReactiveHappyClient}, each waiting for its result on the calling
 * thread and throwing the same {@link HappyException} types, unwrapped. It keeps one
 * socket open between calls and closes it on {@link #close()}.
 */
public final class HappyClient implements AutoCloseable {

	private final ReactiveHappyClient client;

	/**
	 * Create a blocking view of a reactive client.
	 * @param client the reactive client, closed with this one
	 */
	public HappyClient(ReactiveHappyClient client) {
		this.client = client;
	}

	/**
	 * A client for the SDK's default credentials: {@code agent.key} or {@code access.key}
	 * in {@code HAPPY_HOME_DIR} or {@code ~/.happy}, on {@code HAPPY_SERVER_URL}.
	 * @return the client; a {@link HappyAuthenticationException} when there are none
	 */
	public static HappyClient create() {
		return new HappyClient(ReactiveHappyClient.create());
	}

	/**
	 * A client for the given credentials, with default options.
	 * @param credentials the credentials
	 * @return the client
	 */
	public static HappyClient create(HappyCredentials credentials) {
		return new HappyClient(ReactiveHappyClient.create(credentials));
	}

	/**
	 * A client for {@code HAPPY_TOKEN}, {@code HAPPY_SECRET} and
	 * {@code HAPPY_SERVER_URL}.
	 * @return the client; a {@link HappyAuthenticationException} when one is missing
	 */
	public static HappyClient fromEnv() {
		return new HappyClient(ReactiveHappyClient.fromEnv());
	}

	/**
	 * A client for {@code HAPPY_TOKEN} and {@code HAPPY_SECRET} on the given server.
	 * @param serverUrl the server's URL
	 * @return the client
	 */
	public static HappyClient fromEnv(String serverUrl) {
		return new HappyClient(ReactiveHappyClient.fromEnv(serverUrl));
	}

	/**
	 * The reactive client behind this one.
	 * @return the reactive client
	 */
	public ReactiveHappyClient reactive() {
		return this.client;
	}

	/**
	 * See {@link ReactiveHappyClient#spawnSession(String, String)}.
	 * @param machineId the machine
	 * @param directory an absolute path on that machine
	 * @return the new session's id
	 */
	public String spawnSession(String machineId, String directory) {
		return get(this.client.spawnSession(machineId, directory));
	}

	/**
	 * See {@link ReactiveHappyClient#spawnSession(String, String, SpawnOptions)}.
	 * @param machineId the machine
	 * @param directory an absolute path on that machine
	 * @param options the agent, directory creation and name
	 * @return the new session's id
	 */
	public String spawnSession(String machineId, String directory, SpawnOptions options) {
		return get(this.client.spawnSession(machineId, directory, options));
	}

	/**
	 * See {@link ReactiveHappyClient#stopSession(String)}.
	 * @param sessionId the session
	 */
	public void stopSession(String sessionId) {
		run(this.client.stopSession(sessionId));
	}

	/**
	 * See {@link ReactiveHappyClient#deleteSession(String)}.
	 * @param sessionId the session
	 */
	public void deleteSession(String sessionId) {
		run(this.client.deleteSession(sessionId));
	}

	/**
	 * See {@link ReactiveHappyClient#updateSessionMetadata(String, Map)}.
	 * @param sessionId the session
	 * @param changes the keys to set
	 * @return the session as written
	 */
	public Session updateSessionMetadata(String sessionId, Map<String, ?> changes) {
		return get(this.client.updateSessionMetadata(sessionId, changes));
	}

	/**
	 * See {@link ReactiveHappyClient#updateSessionMetadata(String, Map, boolean)}.
	 * @param sessionId the session
	 * @param changes the keys to set
	 * @param allowLifecycleChange whether {@code lifecycleState} may be among them
	 * @return the session as written
	 */
	public Session updateSessionMetadata(String sessionId, Map<String, ?> changes, boolean allowLifecycleChange) {
		return get(this.client.updateSessionMetadata(sessionId, changes, allowLifecycleChange));
	}

	/**
	 * See {@link ReactiveHappyClient#setSessionName(String, String)}.
	 * @param sessionId the session
	 * @param name the name
	 * @return the session as written
	 */
	public Session setSessionName(String sessionId, String name) {
		return get(this.client.setSessionName(sessionId, name));
	}

	/**
	 * See {@link ReactiveHappyClient#sendMessage(String, String)}.
	 * @param sessionId the session
	 * @param text the prompt
	 * @return the stored message's seq
	 */
	public long sendMessage(String sessionId, String text) {
		return get(this.client.sendMessage(sessionId, text));
	}

	/**
	 * See {@link ReactiveHappyClient#sendMessage(String, String, PermissionMode)}.
	 * @param sessionId the session
	 * @param text the prompt
	 * @param permissionMode the permission mode
	 * @return the stored message's seq
	 */
	public long sendMessage(String sessionId, String text, PermissionMode permissionMode) {
		return get(this.client.sendMessage(sessionId, text, permissionMode));
	}

	/**
	 * See {@link ReactiveHappyClient#waitForTurnCompletion(String)}.
	 * @param sessionId the session
	 */
	public void waitForTurnCompletion(String sessionId) {
		run(this.client.waitForTurnCompletion(sessionId));
	}

	/**
	 * See {@link ReactiveHappyClient#waitForTurnCompletion(String, Duration)}.
	 * @param sessionId the session
	 * @param timeout the deadline
	 */
	public void waitForTurnCompletion(String sessionId, Duration timeout) {
		run(this.client.waitForTurnCompletion(sessionId, timeout));
	}

	/**
	 * See {@link ReactiveHappyClient#waitForIdle(String)}.
	 * @param sessionId the session
	 */
	public void waitForIdle(String sessionId) {
		run(this.client.waitForIdle(sessionId));
	}

	/**
	 * See {@link ReactiveHappyClient#waitForIdle(String, Duration)}.
	 * @param sessionId the session
	 * @param timeout the deadline
	 */
	public void waitForIdle(String sessionId, Duration timeout) {
		run(this.client.waitForIdle(sessionId, timeout));
	}

	/**
	 * See {@link ReactiveHappyClient#waitForIdle(String, Duration, boolean)}.
	 * @param sessionId the session
	 * @param timeout the deadline
	 * @param notThinking whether the latest heartbeat must say {@code thinking: false}
	 */
	public void waitForIdle(String sessionId, Duration timeout, boolean notThinking) {
		run(this.client.waitForIdle(sessionId, timeout, notThinking));
	}

	/**
	 * See {@link ReactiveHappyClient#listSessions()}.
	 * @return the sessions
	 */
	public List<Session> listSessions() {
		return get(this.client.listSessions());
	}

	/**
	 * See {@link ReactiveHappyClient#listSessions(boolean)}.
	 * @param activeOnly whether to list only active sessions
	 * @return the sessions
	 */
	public List<Session> listSessions(boolean activeOnly) {
		return get(this.client.listSessions(activeOnly));
	}

	/**
	 * See {@link ReactiveHappyClient#getSession(String)}.
	 * @param sessionId the session
	 * @return the session
	 */
	public Session getSession(String sessionId) {
		return get(this.client.getSession(sessionId));
	}

	/**
	 * See {@link ReactiveHappyClient#isAlive(String)}.
	 * @param sessionId the session
	 * @return whether the server holds it active
	 */
	public boolean isAlive(String sessionId) {
		return get(this.client.isAlive(sessionId));
	}

	/**
	 * See {@link ReactiveHappyClient#getMessages(String)}.
	 * @param sessionId the session
	 * @return the messages in seq order
	 */
	public List<Message> getMessages(String sessionId) {
		return get(this.client.getMessages(sessionId));
	}

	/**
	 * See {@link ReactiveHappyClient#listMachines()}.
	 * @return the machines
	 */
	public List<Machine> listMachines() {
		return get(this.client.listMachines());
	}

	/**
	 * See {@link ReactiveHappyClient#listMachines(boolean)}.
	 * @param activeOnly whether to list only active machines
	 * @return the machines
	 */
	public List<Machine> listMachines(boolean activeOnly) {
		return get(this.client.listMachines(activeOnly));
	}

	/**
	 * See {@link ReactiveHappyClient#getMachine(String)}.
	 * @param machineId the machine
	 * @return the machine
	 */
	public Machine getMachine(String machineId) {
		return get(this.client.getMachine(machineId));
	}

	/**
	 * See {@link ReactiveHappyClient#runTask(String, String, String)}.
	 * @param machineId the machine
	 * @param directory an absolute path on that machine
	 * @param prompt the prompt
	 * @return the session's id
	 */
	public String runTask(String machineId, String directory, String prompt) {
		return get(this.client.runTask(machineId, directory, prompt));
	}

	/**
	 * See {@link ReactiveHappyClient#runTask(String, String, String, Agent, Duration)}.
	 * @param machineId the machine
	 * @param directory an absolute path on that machine
	 * @param prompt the prompt
	 * @param agent the agent
	 * @param timeout the deadline of the turn
	 * @return the session's id
	 */
	public String runTask(String machineId, String directory, String prompt, Agent agent, Duration timeout) {
		return get(this.client.runTask(machineId, directory, prompt, agent, timeout));
	}

	/**
	 * See
	 * {@link ReactiveHappyClient#runTask(String, String, String, Agent, Duration, TaskProgress)}:
	 * the progress is called from the client's threads while this one blocks.
	 * @param machineId the machine
	 * @param directory an absolute path on that machine
	 * @param prompt the prompt
	 * @param agent the agent
	 * @param timeout the deadline of the turn
	 * @param progress told of the session and its messages
	 * @return the session's id
	 */
	public String runTask(String machineId, String directory, String prompt, Agent agent, Duration timeout,
			TaskProgress progress) {
		return get(this.client.runTask(machineId, directory, prompt, agent, timeout, progress));
	}

	/**
	 * Disconnect the socket, if one was opened.
	 */
	@Override
	public void close() {
		this.client.close();
	}

	private static <T> T get(Mono<T> result) {
		T value = result.block();
		if (value == null) {
			throw new HappyException("The Happy client returned no result");
		}
		return value;
	}

	private static void run(Mono<?> result) {
		result.block();
	}

}
