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

package io.github.agentprotocols.acp;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * A tenant scope (spec §2.2): string keys mapped to string values. Threads carry one and
 * so do identities (in {@code metadata.tenant}); a thread is visible to an identity iff
 * every key of the thread's scope is on the identity's scope with an equal,
 * case-sensitive value.
 * <p>
 * Any scope can be built; {@link #requireWithinLimits()} checks the limits of §1.1 that a
 * thread's scope must meet. An identity's scope is not limited: it may have more than
 * eight keys (§7.3).
 *
 * @param entries the keys and their values, in their original order
 */
public record TenantScope(Map<String, String> entries) {

	/** The empty scope of a public thread, visible to every identity. */
	public static final TenantScope PUBLIC = new TenantScope(Map.of());

	/**
	 * Create a new {@code TenantScope}, keeping an unmodifiable copy of the entries in
	 * their order.
	 * @param entries the keys and their values, in their original order
	 */
	public TenantScope {
		Objects.requireNonNull(entries, "entries");
		Map<String, String> copy = new LinkedHashMap<>();
		entries.forEach((key, value) -> copy.put(Objects.requireNonNull(key, "tenant key"),
				Objects.requireNonNull(value, "tenant value")));
		entries = Collections.unmodifiableMap(copy);
	}

	/**
	 * A scope with the given entries, checked against the limits of a thread's scope.
	 * @param entries the keys and values
	 * @return the scope
	 * @throws AcpException {@code invalid_request} when a limit is violated
	 */
	public static TenantScope of(Map<String, String> entries) {
		return new TenantScope(entries).requireWithinLimits();
	}

	/**
	 * The scope of an identity's metadata: the string-valued entries of
	 * {@code metadata.tenant} when it is an object, else empty. Values of other types are
	 * dropped, never coerced.
	 * @param metadata the identity's metadata
	 * @return the scope
	 */
	public static TenantScope fromMetadata(Map<String, ?> metadata) {
		if (!(metadata.get("tenant") instanceof Map<?, ?> tenant)) {
			return PUBLIC;
		}
		Map<String, String> entries = new LinkedHashMap<>();
		tenant.forEach((key, value) -> {
			if (key instanceof String name && value instanceof String string) {
				entries.put(name, string);
			}
		});
		return new TenantScope(entries);
	}

	/**
	 * Checks the limits of §1.1 for a thread's scope: at most 8 keys of 1-64 characters,
	 * values of 1-256 characters.
	 * @return this scope
	 * @throws AcpException {@code invalid_request} when a limit is violated
	 */
	public TenantScope requireWithinLimits() {
		AcpLimits.check(this.entries.size() <= AcpLimits.MAX_TENANT_KEYS,
				"tenant has more than " + AcpLimits.MAX_TENANT_KEYS + " keys");
		this.entries.forEach((key, value) -> {
			AcpLimits.length(key, AcpLimits.MAX_TENANT_KEY_LENGTH, "tenant key");
			AcpLimits.length(value, AcpLimits.MAX_TENANT_VALUE_LENGTH, "tenant value of " + key);
		});
		return this;
	}

	/**
	 * The subset match of spec §2.2: whether a thread with this scope is visible to an
	 * identity with the given scope.
	 * @param identityTenant the identity's scope
	 * @return whether every entry of this scope is on the identity's scope
	 */
	public boolean isVisibleTo(TenantScope identityTenant) {
		return identityTenant.entries.entrySet().containsAll(this.entries.entrySet());
	}

	/**
	 * Every sub-scope of this scope, from the empty scope to this scope itself: the
	 * {@code 2^k} thread scopes visible to an identity with this scope (the subset
	 * expansion of §7.3).
	 * @return the sub-scopes
	 * @throws IllegalStateException for a scope of more than 8 keys, which is matched
	 * with {@link #isVisibleTo} instead
	 */
	public List<TenantScope> subsets() {
		if (this.entries.size() > AcpLimits.MAX_TENANT_KEYS) {
			throw new IllegalStateException("subset expansion of more than " + AcpLimits.MAX_TENANT_KEYS + " keys");
		}
		List<Map.Entry<String, String>> list = new ArrayList<>(this.entries.entrySet());
		List<TenantScope> subsets = new ArrayList<>(1 << list.size());
		for (int mask = 0; mask < (1 << list.size()); mask++) {
			Map<String, String> subset = new LinkedHashMap<>();
			for (int i = 0; i < list.size(); i++) {
				if ((mask & (1 << i)) != 0) {
					subset.put(list.get(i).getKey(), list.get(i).getValue());
				}
			}
			subsets.add(new TenantScope(subset));
		}
		return subsets;
	}

	/**
	 * Whether this is the empty scope of a public thread.
	 * @return whether there are no entries
	 */
	public boolean isEmpty() {
		return this.entries.isEmpty();
	}

}
