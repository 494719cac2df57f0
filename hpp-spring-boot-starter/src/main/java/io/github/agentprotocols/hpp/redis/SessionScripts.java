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

package io.github.agentprotocols.hpp.redis;

import java.util.List;

import io.github.agentprotocols.commons.redis.LuaScripts;
import io.github.agentprotocols.hpp.HandshakeSession;

import org.springframework.data.redis.core.script.RedisScript;

/**
 * The Lua scripts of the {@link RedisSessionStore}, each one atomic step on one session
 * laid out as {@link SessionLayout} says. Every session script takes the same keys: the
 * session's hash, its bucket's expiry index, the two window logs, the fields hash and the
 * changes list, all in the session's bucket. A script that finds a session stored by an
 * earlier version (a hash without the token digest) answers {@code O}, and the store
 * falls back to reading and writing the whole session, which moves it to this layout.
 * <p>
 * Each script is a {@code session-*.lua} resource beside this class, after the Lua
 * functions it uses ({@code older.lua}, {@code append.lua}, {@code summary.lua} and
 * {@code lifetime.lua} in every script that reads a session, {@code put.lua},
 * {@code reply.lua}, {@code admitting.lua}, {@code writing.lua}, the delivery's
 * {@code reserving.lua}); each resource documents its keys, arguments and answers.
 */
final class SessionScripts {

	/** Creates a session. */
	static final RedisScript<Long> CREATE = session(Long.class, "put.lua", "session-create.lua");

	/** Reads a whole session. */
	@SuppressWarnings("rawtypes")
	static final RedisScript<List> READ = session(List.class, "reply.lua", "session-read.lua");

	/** Writes a whole session if its version is unchanged. */
	static final RedisScript<Long> WRITE = session(Long.class, "put.lua", "session-write.lua");

	/**
	 * Admits an agent request, and with the delivery list's keys reserves its batch's
	 * place ({@code reserving.lua}, as {@link RedisPacedDelivery} reserves) in the same
	 * step.
	 */
	@SuppressWarnings("rawtypes")
	static final RedisScript<List> ADMIT = session(List.class, "reply.lua", "reserving.lua", "admitting.lua",
			"session-admit.lua");

	/**
	 * Writes the agent's values one after the other under the ownership rules, keeping
	 * the newest {@link HandshakeSession#RETAINED_CHANGES} changes.
	 */
	@SuppressWarnings("rawtypes")
	static final RedisScript<List> WRITE_AS_AGENT = writing("reply.lua", "writing.lua", "session-write-as-agent.lua");

	/**
	 * Admits an action request with its batch's place reserved, then writes the agent's
	 * values, in one step: {@link #ADMIT} followed by {@link #WRITE_AS_AGENT}; publishes
	 * an unpaced batch at once when nothing of the session waits for delivery
	 * ({@link RedisPacedDelivery#publication}).
	 */
	@SuppressWarnings("rawtypes")
	static final RedisScript<List> ADMIT_WRITE = writing("reply.lua", "reserving.lua", "admitting.lua", "writing.lua",
			"watching.lua", "publishing.lua", "session-admit-write.lua");

	/** The ids of the sessions expired by a time. */
	@SuppressWarnings("rawtypes")
	static final RedisScript<List> EXPIRED = LuaScripts.load(List.class, SessionScripts.class, "session-expired.lua");

	/** Removes a session, answering its fixed part. */
	@SuppressWarnings("rawtypes")
	static final RedisScript<List> REMOVE = LuaScripts.load(List.class, SessionScripts.class, "session-remove.lua");

	/** Removes an expired session if it has not changed since it was read. */
	static final RedisScript<Long> REMOVE_UNCHANGED = LuaScripts.load(Long.class, SessionScripts.class,
			"session-remove-unchanged.lua");

	private SessionScripts() {
	}

	/**
	 * A script that reads a session: the functions every such script uses, then the given
	 * resources.
	 */
	private static <T> RedisScript<T> session(Class<T> resultType, String... names) {
		return LuaScripts.load(resultType, SessionScripts.class, afterSessionFunctions(names));
	}

	/**
	 * A script that writes the agent's values ({@code writing.lua}), which keeps the
	 * newest {@link HandshakeSession#RETAINED_CHANGES} changes.
	 */
	@SuppressWarnings("rawtypes")
	private static RedisScript<List> writing(String... names) {
		return RedisScript.of(LuaScripts.text(SessionScripts.class, afterSessionFunctions(names))
			.replace("-RETAINED,", "-" + HandshakeSession.RETAINED_CHANGES + ","), List.class);
	}

	/**
	 * The resources of the functions every script that reads a session uses, then the
	 * given ones.
	 */
	private static String[] afterSessionFunctions(String... names) {
		String[] all = new String[4 + names.length];
		all[0] = "older.lua";
		all[1] = "append.lua";
		all[2] = "summary.lua";
		all[3] = "lifetime.lua";
		System.arraycopy(names, 0, all, 4, names.length);
		return all;
	}

}
