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

package io.github.agentprotocols.lime.test;

import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

import io.github.agentprotocols.lime.test.LoginRequests.Entry;
import org.jspecify.annotations.Nullable;

/**
 * The server state of a {@link FakeLimeApi}: its site and agent, login and binding
 * requests with their expiry, signing keys and passports, and the event streams the
 * requests' outcomes are published to. What the HTTP handler serves and the fake's
 * controls change.
 */
final class FakeLimeServerState {

	private final Clock clock;

	private final Duration requestTtl;

	private final Duration requestRetention;

	private final int powDifficulty;

	private final String siteToken;

	private final String agentToken;

	private final String siteId = UUID.randomUUID().toString();

	private final String agentId = UUID.randomUUID().toString();

	private final Timestamps timestamps;

	private final SigningKeys keys = new SigningKeys();

	private final LoginRequests loginRequests = new LoginRequests();

	private final Map<String, BindingRequest> bindings = new ConcurrentHashMap<>();

	private final EventStreams streams;

	private final Passports passports;

	private volatile JwksMode jwksMode;

	private volatile boolean siteSuspended;

	FakeLimeServerState(Clock clock, Duration requestTtl, Duration requestRetention, int powDifficulty,
			String siteToken, String agentToken, JwksMode jwksMode, @Nullable ZoneOffset expiresAtOffset,
			EventStreams streams) {
		this.clock = clock;
		this.requestTtl = requestTtl;
		this.requestRetention = requestRetention;
		this.powDifficulty = powDifficulty;
		this.siteToken = siteToken;
		this.agentToken = agentToken;
		this.jwksMode = jwksMode;
		this.timestamps = new Timestamps(expiresAtOffset);
		this.streams = streams;
		this.passports = new Passports(this.keys, clock, this.agentId, UUID.randomUUID().toString());
	}

	String siteToken() {
		return this.siteToken;
	}

	String agentToken() {
		return this.agentToken;
	}

	String siteId() {
		return this.siteId;
	}

	String agentId() {
		return this.agentId;
	}

	Passports passports() {
		return this.passports;
	}

	SigningKeys keys() {
		return this.keys;
	}

	void jwksMode(JwksMode mode) {
		this.jwksMode = mode;
	}

	void suspendSite(boolean suspended) {
		this.siteSuspended = suspended;
	}

	Entry createLoginRequest() {
		return this.loginRequests.create(this.clock.instant().plus(this.requestTtl), this.powDifficulty);
	}

	@Nullable Entry findLoginRequest(String requestId) {
		Entry entry = this.loginRequests.find(requestId);
		if (entry != null) {
			expireIfDue(entry);
		}
		return entry;
	}

	/**
	 * Approve a pending request whose proof-of-work was checked: mint the passport and
	 * push the {@code approved} event.
	 * @return the new status, or {@code null} if the request was no longer pending
	 */
	@Nullable LoginRequestStatus approve(Entry entry) {
		synchronized (entry) {
			if (entry.status() != LoginRequestStatus.PENDING) {
				return null;
			}
			entry.status(LoginRequestStatus.APPROVED);
			if (emitApproved(entry.id, this.passports.login(entry.id)) > 0) {
				entry.status(LoginRequestStatus.DELIVERED);
			}
			return entry.status();
		}
	}

	BindingRequest createBindingRequest(URI redirectUri) {
		String id = "br_" + UUID.randomUUID().toString().replace("-", "");
		BindingRequest binding = new BindingRequest(id, redirectUri, this.clock.instant().plus(this.requestTtl));
		this.bindings.put(id, binding);
		return binding;
	}

	/**
	 * Complete a binding request as the hosted connect page would once the user picked
	 * the agent.
	 * @param bindingId the {@code binding_id}
	 * @return the site's {@code redirect_uri} with the {@code passport} query parameter,
	 * or {@code null} if the binding is unknown or expired
	 */
	@Nullable URI completeBinding(String bindingId) {
		BindingRequest binding = this.bindings.remove(bindingId);
		if (binding == null || !this.clock.instant().isBefore(binding.expiresAt())) {
			return null;
		}
		String redirect = binding.redirectUri().toString();
		return URI
			.create(redirect + (redirect.contains("?") ? "&" : "?") + "passport=" + this.passports.binding(bindingId));
	}

	String format(Instant instant) {
		return this.timestamps.format(instant);
	}

	@Nullable SiteTokenProblem checkSiteToken(@Nullable String token) {
		if (token == null || token.isBlank()) {
			return SiteTokenProblem.MISSING;
		}
		if (!token.equals(this.siteToken)) {
			return SiteTokenProblem.INVALID;
		}
		return this.siteSuspended ? SiteTokenProblem.SUSPENDED : null;
	}

	JwksMode jwksMode() {
		return this.jwksMode;
	}

	Map<String, Object> jwks() {
		return Map.of("keys", this.keys.publicJwks());
	}

	EventStreams streams() {
		return this.streams;
	}

	/**
	 * Expire the pending login requests whose {@code expires_at} has been reached, and
	 * forget those that expired longer ago than the retention.
	 */
	void expireDueRequests() {
		Instant now = this.clock.instant();
		this.loginRequests.takeDue(now).forEach((entry) -> expire(entry, now));
		this.loginRequests.forgetExpiredBefore(now.minus(this.requestRetention));
	}

	private void expireIfDue(Entry entry) {
		expire(entry, this.clock.instant());
	}

	private boolean expire(Entry entry, Instant now) {
		synchronized (entry) {
			if (entry.expireIfDue(now)) {
				emitExpired(entry.id);
				return true;
			}
			return false;
		}
	}

	/**
	 * The status of a login request, taking its expiry into account.
	 * @param requestId the login request id
	 * @return the status
	 * @throws IllegalArgumentException if the fake does not know the request
	 */
	LoginRequestStatus status(String requestId) {
		Entry entry = this.loginRequests.find(requestId);
		if (entry == null) {
			throw new IllegalArgumentException("Unknown login request '" + requestId + "'");
		}
		expireIfDue(entry);
		return entry.status();
	}

	/**
	 * Expire a pending login request now, whatever its {@code expires_at}, emitting the
	 * {@code expired} event.
	 * @param requestId the login request id
	 * @return {@code true} if it was pending
	 */
	boolean expire(String requestId) {
		Entry entry = this.loginRequests.find(requestId);
		return entry != null && expire(entry, Instant.MAX);
	}

	/**
	 * Publish an {@code approved} event (logged, numbered and replayable like the events
	 * the fake emits itself), e.g. with a broken passport from {@link #passports()}.
	 * @param requestId the {@code login_request_id}
	 * @param passportJwt the {@code agent_passport_jwt}
	 * @return the number of open streams it was written to
	 */
	int emitApproved(String requestId, String passportJwt) {
		return this.streams.publish(Json.object("type", "approved", "login_request_id", requestId, "status", "approved",
				"agent_passport_jwt", passportJwt));
	}

	/**
	 * Publish an {@code expired} event (logged, numbered and replayable).
	 * @param requestId the {@code login_request_id}
	 * @return the number of open streams it was written to
	 */
	int emitExpired(String requestId) {
		return this.streams.publish(Json.object("type", "expired", "login_request_id", requestId));
	}

	/**
	 * Why a site token was refused.
	 */
	enum SiteTokenProblem {

		MISSING, INVALID, SUSPENDED

	}

	/**
	 * A binding request awaiting the hosted connect flow.
	 */
	record BindingRequest(String id, URI redirectUri, Instant expiresAt) {

	}

}
