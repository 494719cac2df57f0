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

package io.github.agentprotocols.testsupport;

import java.util.List;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;

import io.lettuce.core.AbstractRedisClient;
import io.lettuce.core.event.command.CommandListener;
import io.lettuce.core.event.command.CommandStartedEvent;
import io.lettuce.core.output.StreamingOutput;
import io.lettuce.core.protocol.RedisCommand;

/**
 * Records the commands a Lettuce client sends, so that a test can check that none of them
 * asks for a streamed reply. Lettuce's reactive API streams the replies of commands such
 * as {@code HMGET}, {@code HVALS} or {@code ZRANGEBYSCORE} element by element, and can
 * stop reading a shared connection for good when such a reply arrives split while its
 * subscriber is still being set up on another thread (contributing/conventions.md).
 */
public final class RedisCommandRecorder implements CommandListener {

	private final Queue<RedisCommand<?, ?, ?>> sent = new ConcurrentLinkedQueue<>();

	private RedisCommandRecorder() {
	}

	/**
	 * Record the commands of a client from now on: attach before its connections are
	 * opened (a Spring {@code LettuceConnectionFactory} opens them on first use).
	 * @param client the client, such as a connection factory's native client
	 * @return the recorder
	 */
	public static RedisCommandRecorder attachTo(Object client) {
		RedisCommandRecorder recorder = new RedisCommandRecorder();
		((AbstractRedisClient) client).addListener(recorder);
		return recorder;
	}

	@Override
	public void commandStarted(CommandStartedEvent event) {
		this.sent.add(event.getCommand());
	}

	/**
	 * The types of the commands sent so far, in order.
	 * @return the command types, such as {@code EVALSHA}
	 */
	public List<String> sent() {
		return this.sent.stream().map((command) -> command.getType().toString()).toList();
	}

	/**
	 * The commands sent so far, in order, each as its type, or as the SHA-1 digest of the
	 * script for an {@code EVALSHA}.
	 * @return the command types and script digests
	 */
	public List<String> scripts() {
		return this.sent.stream().map((command) -> {
			String type = command.getType().toString();
			return "EVALSHA".equals(type) ? command.getArgs().toCommandString().split(" ", 2)[0] : type;
		}).toList();
	}

	/**
	 * The types of the commands sent so far whose replies are streamed element by
	 * element.
	 * @return the command types; empty when every reply came in one piece
	 */
	public List<String> streamed() {
		return this.sent.stream()
			.filter((command) -> command.getOutput() instanceof StreamingOutput)
			.map((command) -> command.getType().toString())
			.toList();
	}

}
