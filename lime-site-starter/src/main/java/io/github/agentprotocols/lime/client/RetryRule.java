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

package io.github.agentprotocols.lime.client;

import java.net.ConnectException;
import java.net.UnknownHostException;
import java.util.Set;

import org.jspecify.annotations.Nullable;

/**
 * Which failed attempts of a call may be repeated.
 */
enum RetryRule {

	/**
	 * For calls that change nothing (GET): every transport failure and the statuses 408,
	 * 429, 500, 502, 503 and 504.
	 */
	IDEMPOTENT(Set.of(408, 429, 500, 502, 503, 504)) {

		@Override
		boolean retries(Throwable failure) {
			return true;
		}

	},

	/**
	 * For calls that create something (the create-request POSTs): only failures that
	 * prove the server created nothing, so that a retry never makes a second request. The
	 * connection could not be opened (refused, unknown host, connect timeout), or the
	 * server refused the request before handling it: 408 (it did not receive it whole)
	 * and 429 (rate limited). A timeout while waiting for the answer, a connection lost
	 * after sending, and every 5xx are not retried: the request may exist already.
	 */
	CREATE(Set.of(408, 429)) {

		@Override
		boolean retries(Throwable failure) {
			for (@Nullable
			Throwable cause = failure; cause != null; cause = cause.getCause()) {
				if (cause instanceof ConnectException || cause instanceof UnknownHostException) {
					return true;
				}
			}
			return false;
		}

	};

	private final Set<Integer> statuses;

	RetryRule(Set<Integer> statuses) {
		this.statuses = statuses;
	}

	boolean retries(int status) {
		return this.statuses.contains(status);
	}

	abstract boolean retries(Throwable failure);

}
