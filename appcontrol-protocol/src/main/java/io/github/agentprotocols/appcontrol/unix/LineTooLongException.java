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

package io.github.agentprotocols.appcontrol.unix;

import java.io.IOException;

/**
 * The peer sent a line longer than the {@link LineChannel} accepts.
 */
public class LineTooLongException extends IOException {

	/** The longest line accepted, in bytes. */
	private final int limit;

	/**
	 * Create a new exception.
	 * @param limit the longest line accepted, in bytes
	 */
	public LineTooLongException(int limit) {
		super("line longer than " + limit + " bytes");
		this.limit = limit;
	}

	/**
	 * The longest line accepted, in bytes, without its newline.
	 * @return the limit
	 */
	public int getLimit() {
		return this.limit;
	}

}
