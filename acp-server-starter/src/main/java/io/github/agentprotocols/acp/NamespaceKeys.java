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
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.regex.Pattern;

import org.jspecify.annotations.Nullable;

/**
 * The {@code namespace_keys} of spec §5.3: the ordered tenant keys whose values name the
 * Socket.IO namespace of every connection and of every thread, as in {@code /A/X} for
 * keys {@code [org, ws]} and tenant {@code {org: A, ws: X}}. Each value must match
 * {@code ^[A-Za-z0-9._-]{1,32}$}.
 * <p>
 * The server uses these functions to admit connections ({@link #checkConnect}), to refuse
 * REST callers and thread tenants without a namespace, to hide <em>stranded</em> threads
 * (those whose tenant gives no path) and to address broadcasts: everything about a thread
 * goes to the namespace {@code derivePath(thread.tenant().entries())}, and nothing at all
 * for a stranded thread ({@link #canDerivePath} is false). Clients compute the URL they
 * connect to with the same functions, for example {@code "wss://api.example.com" +
 * NamespaceKeys.derivePath(tenant, List.of("org", "ws"))}; they need nothing else from
 * the starter.
 */
public final class NamespaceKeys {

	private static final Pattern VALUE = Pattern.compile("[A-Za-z0-9._-]{1,32}");

	private static final String VALUE_RULE = "^[A-Za-z0-9._-]{1,32}$";

	private final List<String> keys;

	/**
	 * Creates the namespace keys.
	 * @param keys the tenant keys in namespace order: at least one, distinct, each of
	 * 1-64 characters (a thread's tenant keys, §1.1), at most 8 (the keys a thread's
	 * tenant can hold)
	 * @throws IllegalArgumentException naming what is wrong with the list
	 */
	public NamespaceKeys(List<String> keys) {
		Objects.requireNonNull(keys, "keys");
		if (keys.isEmpty()) {
			throw new IllegalArgumentException("namespace keys must not be empty");
		}
		if (keys.size() > AcpLimits.MAX_TENANT_KEYS) {
			throw new IllegalArgumentException("at most " + AcpLimits.MAX_TENANT_KEYS
					+ " namespace keys, the keys a thread's tenant can hold, got " + keys.size());
		}
		Set<String> seen = new HashSet<>();
		for (String key : keys) {
			if (key == null || key.isEmpty()) {
				throw new IllegalArgumentException("namespace keys must not contain an empty key");
			}
			if (key.codePointCount(0, key.length()) > AcpLimits.MAX_TENANT_KEY_LENGTH) {
				throw new IllegalArgumentException("namespace key '" + key + "' is longer than "
						+ AcpLimits.MAX_TENANT_KEY_LENGTH + " characters, the longest tenant key");
			}
			if (!seen.add(key)) {
				throw new IllegalArgumentException("namespace keys must be distinct, '" + key + "' is repeated");
			}
		}
		this.keys = List.copyOf(keys);
	}

	/**
	 * The keys in namespace order.
	 * @return the keys
	 */
	public List<String> keys() {
		return this.keys;
	}

	/**
	 * The namespace of a tenant ({@code derive_namespace_path}): {@code "/"} followed by
	 * the tenant's value of each key, in key order, joined with {@code "/"}.
	 * @param tenant a tenant scope's entries, or the raw {@code tenant} object of an
	 * identity's metadata
	 * @return the namespace path, for example {@code /A/X}
	 * @throws AcpException with code {@code namespace_invalid} when a key is missing
	 * (message {@code namespace_keys required but missing: [org]}), or its value is not a
	 * string or not a valid value; callers map it to their own answer (REST: 403 for a
	 * caller, 400 for a new tenant, 404 for a stranded thread)
	 */
	public String derivePath(Map<String, ?> tenant) {
		Objects.requireNonNull(tenant, "tenant");
		List<String> missing = new ArrayList<>();
		for (String key : this.keys) {
			if (!tenant.containsKey(key)) {
				missing.add(key);
			}
		}
		if (!missing.isEmpty()) {
			throw invalid("namespace_keys required but missing: " + missing);
		}
		StringBuilder path = new StringBuilder();
		for (String key : this.keys) {
			if (!isValidValue(tenant.get(key))) {
				throw invalid("namespace key '" + key + "' must have a string value matching " + VALUE_RULE);
			}
			path.append('/').append((String) tenant.get(key));
		}
		return path.toString();
	}

	/**
	 * Whether a tenant has a namespace, so that {@link #derivePath(Map)} succeeds. A
	 * thread whose tenant has none is stranded: it is not found by any operation and
	 * nothing is broadcast for it.
	 * @param tenant a tenant scope's entries
	 * @return whether every key has a valid value
	 */
	public boolean canDerivePath(Map<String, ?> tenant) {
		for (String key : this.keys) {
			if (!isValidValue(tenant.get(key))) {
				return false;
			}
		}
		return true;
	}

	/**
	 * Reads the tenant a namespace path names ({@code parse_namespace_path}), strictly:
	 * the path must be {@code "/" + v1 + "/" + … + "/" + vn} with exactly one valid value
	 * per key, so {@code /A//X}, {@code /A/}, {@code //A} and {@code /} are refused.
	 * @param path the namespace path
	 * @return the values by key, in key order
	 * @throws AcpException with code {@code namespace_invalid} when the path does not
	 * have that form
	 */
	public Map<String, String> parsePath(String path) {
		Objects.requireNonNull(path, "path");
		String[] segments = path.startsWith("/") ? path.substring(1).split("/", -1) : new String[0];
		if (segments.length != this.keys.size()) {
			throw invalidPath();
		}
		Map<String, String> tenant = new LinkedHashMap<>();
		for (int i = 0; i < segments.length; i++) {
			if (!isValidValue(segments[i])) {
				throw invalidPath();
			}
			tenant.put(this.keys.get(i), segments[i]);
		}
		return Collections.unmodifiableMap(tenant);
	}

	/**
	 * The namespace check of a Socket.IO connect (spec §5.2 step 3): the path must parse,
	 * and the identity's tenant must hold each of its values under the same key.
	 * @param namespacePath the namespace connected to
	 * @param identityTenant the identity's tenant ({@code identity.tenant().entries()})
	 * @return the namespace's tenant, to keep with the connection and to pass to the
	 * gates as the caller's namespace
	 * @throws AcpException with code {@code namespace_invalid} when the path does not
	 * parse, {@code namespace_mismatch} (message
	 * {@code identity missing or mismatched key 'org'}) when the identity's value of a
	 * key is missing or differs
	 */
	public TenantScope checkConnect(String namespacePath, Map<String, ?> identityTenant) {
		Map<String, String> namespace = parsePath(namespacePath);
		namespace.forEach((key, value) -> {
			if (!value.equals(identityTenant.get(key))) {
				throw new AcpException(AcpErrorCode.NAMESPACE_MISMATCH,
						"identity missing or mismatched key '" + key + "'");
			}
		});
		return new TenantScope(namespace);
	}

	/**
	 * Whether a value may be a namespace-key value ({@code validate_namespace_value}): a
	 * string matching {@code ^[A-Za-z0-9._-]{1,32}$}.
	 * @param value the value
	 * @return whether it is valid
	 */
	public static boolean isValidValue(@Nullable Object value) {
		return value instanceof String string && VALUE.matcher(string).matches();
	}

	/**
	 * The namespace of a tenant for the given keys, as a client computes the URL it
	 * connects to.
	 * @param tenant the tenant
	 * @param keys the namespace keys; {@code null} or empty when namespace mode is off
	 * @return the namespace path, {@code "/"} without keys
	 * @throws AcpException with code {@code namespace_invalid} as
	 * {@link #derivePath(Map)}
	 * @throws IllegalArgumentException when the keys are not a valid key list
	 */
	public static String derivePath(Map<String, ?> tenant, @Nullable List<String> keys) {
		return (keys == null || keys.isEmpty()) ? "/" : new NamespaceKeys(keys).derivePath(tenant);
	}

	/**
	 * Reads the tenant a namespace path names for the given keys.
	 * @param path the namespace path
	 * @param keys the namespace keys
	 * @return the values by key, in key order
	 * @throws AcpException with code {@code namespace_invalid} as
	 * {@link #parsePath(String)}
	 * @throws IllegalArgumentException when the keys are not a valid key list
	 */
	public static Map<String, String> parsePath(String path, List<String> keys) {
		return new NamespaceKeys(keys).parsePath(path);
	}

	private AcpException invalidPath() {
		return invalid(
				"namespace path must be /<" + String.join(">/<", this.keys) + ">, each value matching " + VALUE_RULE);
	}

	private static AcpException invalid(String message) {
		return new AcpException(AcpErrorCode.NAMESPACE_INVALID, message);
	}

	@Override
	public String toString() {
		return "NamespaceKeys" + this.keys;
	}

}
