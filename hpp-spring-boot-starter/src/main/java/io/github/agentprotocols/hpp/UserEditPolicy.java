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

package io.github.agentprotocols.hpp;

import java.util.List;

import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.jspecify.annotations.Nullable;

/**
 * Decides who may act as a session's user (spec §11.2): a session with an owner accepts
 * user edits only from its owner, from an allowed origin; user edits over HTTP and
 * closing a session must also pass every {@link BrowserAuth} hook.
 */
final class UserEditPolicy {

	private static final Log logger = LogFactory.getLog(UserEditPolicy.class);

	private static final String BROWSER_AUTH_FAILED = "browser auth failed";

	private final boolean bindToOwner;

	private final OriginPolicy originPolicy;

	private final List<BrowserAuth> browserAuth;

	/**
	 * Creates a policy.
	 * @param bindToOwner whether a session that has an owner accepts user edits only from
	 * that principal
	 * @param originPolicy origins allowed to act for a session's owner
	 * @param browserAuth the application's gates of user edits over HTTP
	 */
	UserEditPolicy(boolean bindToOwner, OriginPolicy originPolicy, List<BrowserAuth> browserAuth) {
		this.bindToOwner = bindToOwner;
		this.originPolicy = originPolicy;
		this.browserAuth = browserAuth;
	}

	/**
	 * Whether a request may edit as the session's user: always for a session not bound to
	 * an owner, else only the owner from an allowed origin.
	 * @param session the session
	 * @param request the request
	 * @return whether user edits are accepted
	 */
	boolean mayEdit(HandshakeSession session, HandshakeRequest request) {
		if (!isBoundToOwner(session)) {
			return true;
		}
		return session.getOwner().equals(request.principalName()) && this.originPolicy.allows(request.headers());
	}

	/**
	 * Admits a user edit over HTTP ({@code POST notify}).
	 * @param snapshot a copy of the session
	 * @param request the request
	 * @throws HandshakeException 403 {@code browser auth failed} when refused
	 */
	void checkNotify(HandshakeSession snapshot, HandshakeRequest request) {
		if (!mayEdit(snapshot, request) || !browserAuthPasses(snapshot, request)) {
			throw new HandshakeException(403, BROWSER_AUTH_FAILED);
		}
	}

	/**
	 * Admits the closing of a session ({@code DELETE session}): a session bound to its
	 * owner by the owner from an allowed origin, any other by whoever presents its token;
	 * the {@link BrowserAuth} hooks must pass in both cases.
	 * @param snapshot a copy of the session
	 * @param token the presented token
	 * @param request the request
	 * @throws HandshakeException 403 {@code browser auth failed} or {@code invalid token}
	 * when refused
	 */
	void checkClose(HandshakeSession snapshot, @Nullable String token, HandshakeRequest request) {
		if (isBoundToOwner(snapshot)) {
			if (!mayEdit(snapshot, request)) {
				throw new HandshakeException(403, BROWSER_AUTH_FAILED);
			}
		}
		else if (!snapshot.tokenMatches(token)) {
			throw HandshakeException.invalidToken();
		}
		if (!browserAuthPasses(snapshot, request)) {
			throw new HandshakeException(403, BROWSER_AUTH_FAILED);
		}
	}

	private boolean isBoundToOwner(HandshakeSession session) {
		return session.getOwner() != null && this.bindToOwner;
	}

	private boolean browserAuthPasses(HandshakeSession session, HandshakeRequest request) {
		for (BrowserAuth auth : this.browserAuth) {
			try {
				if (!auth.authorize(request, session)) {
					return false;
				}
			}
			catch (RuntimeException ex) {
				logger.debug("Browser auth hook failed", ex);
				return false;
			}
		}
		return true;
	}

}
