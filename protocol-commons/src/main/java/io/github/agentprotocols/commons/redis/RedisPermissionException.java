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

import java.util.List;

/**
 * Thrown at start-up when the Redis user an application connects as may not run a command
 * that a starter needs ({@link RedisPermissionCheck}).
 */
public class RedisPermissionException extends IllegalStateException {

	/** The starter whose commands were checked. */
	private final String starter;

	/** The Redis user. */
	private final String user;

	/** What Redis denies the user. */
	private final List<String> denied;

	/**
	 * Creates an exception.
	 * @param starter the starter, such as {@code HPP}
	 * @param user the Redis user
	 * @param denied what Redis denies the user, each a command with its arguments or
	 * Redis' {@code NOPERM} answer
	 */
	public RedisPermissionException(String starter, String user, List<String> denied) {
		super("The Redis user '" + user + "' may not run what the " + starter + " starter needs: "
				+ String.join(", ", denied));
		this.starter = starter;
		this.user = user;
		this.denied = List.copyOf(denied);
	}

	/**
	 * The starter whose commands were checked.
	 * @return the starter, such as {@code HPP}
	 */
	public String getStarter() {
		return this.starter;
	}

	/**
	 * The Redis user.
	 * @return the user's name
	 */
	public String getUser() {
		return this.user;
	}

	/**
	 * What Redis denies the user.
	 * @return each a command with its arguments, or Redis' {@code NOPERM} answer
	 */
	public List<String> getDenied() {
		return this.denied;
	}

}
