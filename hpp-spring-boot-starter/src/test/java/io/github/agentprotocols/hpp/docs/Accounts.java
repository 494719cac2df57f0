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

package io.github.agentprotocols.hpp.docs;

import java.util.Map;

import org.jspecify.annotations.Nullable;

import org.springframework.http.HttpHeaders;

/**
 * Stands for the application's own accounts in the docs' examples: the account of a
 * request's {@code X-Account} header, if it is known.
 */
class Accounts {

	private final Map<String, String> accountsByKey;

	Accounts(Map<String, String> accountsByKey) {
		this.accountsByKey = accountsByKey;
	}

	@Nullable String fromHeaders(HttpHeaders headers) {
		String key = headers.getFirst("X-Account");
		return (key != null) ? this.accountsByKey.get(key) : null;
	}

}
