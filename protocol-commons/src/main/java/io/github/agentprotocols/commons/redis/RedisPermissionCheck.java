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

package io.github.agentprotocols.commons.redis;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;

import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.jspecify.annotations.Nullable;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.core.env.Environment;
import org.springframework.data.redis.connection.ReactiveRedisConnection;
import org.springframework.data.redis.connection.ReactiveRedisConnectionFactory;
import org.springframework.data.redis.connection.ReturnType;

/**
 * Verifies at start-up that the Redis user the application connects as may run what a
 * starter needs, so that a missing ACL permission fails the start-up rather than the
 * first request. One {@code EVAL} asks Redis, with {@code redis.acl_check_cmd}, whether
 * the user may run each of the starter's commands on a key and channel under the
 * starter's prefix, without running them; the user needs {@code +eval} for it. A denial
 * (or {@code EVAL} itself denied) throws a {@link RedisPermissionException}; a Redis that
 * does not answer is left to the starter's own handling of an outage. On a Redis Cluster
 * the node that answers is asked (ACL users are set per node).
 */
public class RedisPermissionCheck implements SmartInitializingSingleton {

	private static final Log logger = LogFactory.getLog(RedisPermissionCheck.class);

	private static final Duration TIMEOUT = Duration.ofSeconds(10);

	private static final ByteBuffer SCRIPT = utf8("""
			local denied = {}
			for i = 1, #ARGV do
			  local command = {}
			  for word in string.gmatch(ARGV[i], '%S+') do command[#command + 1] = word end
			  local ok, allowed = pcall(redis.acl_check_cmd, unpack(command))
			  if not (ok and allowed) then denied[#denied + 1] = ARGV[i] end
			end
			return table.concat(denied, '\\n')
			""");

	private final ObjectProvider<ReactiveRedisConnectionFactory> connectionFactory;

	private final Environment environment;

	private final String starter;

	private final List<String> commands;

	/**
	 * Creates a check.
	 * @param connectionFactory the application's Redis connection factory, if any
	 * @param environment where Spring Boot's {@code spring.data.redis.*} properties are
	 * @param starter the starter, for the message, such as {@code HPP}
	 * @param commands the commands to check, each with its arguments separated by spaces
	 * as the starter sends them, such as {@code zadd hpp:x 1 m}
	 */
	public RedisPermissionCheck(ObjectProvider<ReactiveRedisConnectionFactory> connectionFactory,
			Environment environment, String starter, List<String> commands) {
		this.connectionFactory = connectionFactory;
		this.environment = environment;
		this.starter = starter;
		this.commands = commands;
	}

	/**
	 * Commands on one key or channel, for the list of a check.
	 * @param key the key or channel, put in place of each {@code *} of a command, or
	 * after a command without one
	 * @param commands the commands with their other arguments, such as {@code zadd * 1 m}
	 * or {@code get}
	 * @return the commands with their arguments
	 */
	public static List<String> on(String key, String... commands) {
		return Arrays.stream(commands)
			.map((command) -> command.contains("*") ? command.replace("*", key) : command + " " + key)
			.toList();
	}

	@Override
	public void afterSingletonsInstantiated() {
		ReactiveRedisConnectionFactory factory = this.connectionFactory.getIfUnique();
		if (factory == null) {
			return;
		}
		long start = System.nanoTime();
		List<String> denied;
		try (ReactiveRedisConnection connection = factory.getReactiveConnection()) {
			ByteBuffer[] arguments = this.commands.stream().map(RedisPermissionCheck::utf8).toArray(ByteBuffer[]::new);
			ByteBuffer answer = connection.scriptingCommands()
				.<ByteBuffer>eval(SCRIPT.duplicate(), ReturnType.VALUE, 0, arguments)
				.next()
				.block(TIMEOUT);
			String text = (answer != null) ? StandardCharsets.UTF_8.decode(answer).toString() : "";
			denied = text.isEmpty() ? List.of() : Arrays.asList(text.split("\n"));
		}
		catch (RuntimeException ex) {
			String noPermission = noPermission(ex);
			if (noPermission != null) {
				throw new RedisPermissionException(this.starter, user(), List.of(noPermission));
			}
			logger.warn("Redis did not answer the permission check at start-up (" + ex.getMessage()
					+ "); going on, as for an outage");
			return;
		}
		if (!denied.isEmpty()) {
			throw new RedisPermissionException(this.starter, user(), denied);
		}
		if (logger.isDebugEnabled()) {
			logger.debug("Checked " + this.commands.size() + " Redis permissions of the " + this.starter
					+ " starter in " + Duration.ofNanos(System.nanoTime() - start).toMillis() + " ms");
		}
	}

	private String user() {
		String url = this.environment.getProperty("spring.data.redis.url", "");
		int at = url.lastIndexOf('@');
		if (at > 0) {
			String userInfo = url.substring(url.indexOf("//") + 2, at);
			int colon = userInfo.indexOf(':');
			return (colon > 0) ? userInfo.substring(0, colon) : "default";
		}
		return this.environment.getProperty("spring.data.redis.username", "default");
	}

	private static @Nullable String noPermission(Throwable failure) {
		for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
			String message = cause.getMessage();
			if (message != null && message.startsWith("NOPERM")) {
				return message;
			}
		}
		return null;
	}

	private static ByteBuffer utf8(String text) {
		return ByteBuffer.wrap(text.getBytes(StandardCharsets.UTF_8));
	}

}
