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
