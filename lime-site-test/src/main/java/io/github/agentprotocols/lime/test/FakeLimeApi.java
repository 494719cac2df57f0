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
import java.time.ZoneOffset;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

import org.jspecify.annotations.Nullable;
import reactor.core.Disposable;
import reactor.core.scheduler.Scheduler;
import reactor.core.scheduler.Schedulers;
import reactor.netty.DisposableServer;
import reactor.netty.http.server.HttpServer;
import reactor.netty.resources.LoopResources;

/**
 * A fake LIME API on a loopback port, for tests of LIME site backends: login requests
 * with their status, the site's SSE event stream, the agent's challenge and proof-of-work
 * approval, the JWKS and RS256 passports from a generated key, binding requests, and the
 * fault knobs of {@link #faults()}.
 * <p>
 * Start one with {@link #start()} or {@link #builder()}, point the site at
 * {@link #baseUrl()} with {@link #siteToken()}, approve logins with {@link #agent()} and
 * {@link #close()} it when done (it stops the server and ends every open stream). Its
 * threads are named {@code fake-lime-…}.
 * <p>
 * This class holds the server and the test controls; the server's state (requests, keys,
 * streams) lives in a class of its own, which the HTTP handler serves.
 */
public final class FakeLimeApi implements AutoCloseable {

	private static final System.Logger logger = System.getLogger(FakeLimeApi.class.getName());

	private static final Duration EXPIRY_SWEEP = Duration.ofMillis(20);

	private static final Duration SHUTDOWN_TIMEOUT = Duration.ofSeconds(5);

	private final FakeLimeServerState state;

	private final EventStreams streams;

	private final FakeLimeFaults faults;

	private final RecordedRequests requests;

	private final Scheduler scheduler;

	private final LoopResources loops;

	private final DisposableServer server;

	private final Disposable expirySweep;

	private final @Nullable Duration agentApproval;

	private final AtomicBoolean closed = new AtomicBoolean();

	private FakeLimeApi(Builder builder) {
		this.agentApproval = builder.agentApproval;
		this.streams = new EventStreams(builder.sseIds, builder.replay, builder.broadcast);
		this.state = new FakeLimeServerState(builder.clock, builder.requestTtl, builder.requestRetention,
				builder.powDifficulty, builder.siteToken, builder.agentToken, builder.jwksMode, builder.expiresAtOffset,
				this.streams);
		this.requests = new RecordedRequests(builder.maxRecordedRequests);
		this.faults = new FakeLimeFaults(this.streams);
		this.scheduler = Schedulers.newSingle("fake-lime-timer", true);
		this.loops = LoopResources.create("fake-lime-http", 1, 2, true);
		FakeLimeHandler handler = new FakeLimeHandler(this.state, this::origin, this.faults, this.requests,
				this.scheduler, builder.keepAliveInterval, this::loginRequestCreated);
		this.server = HttpServer.create()
			.host("127.0.0.1")
			.port(0)
			.runOn(this.loops, false)
			.handle(handler)
			.bindNow(SHUTDOWN_TIMEOUT);
		this.expirySweep = this.scheduler.schedulePeriodically(this.state::expireDueRequests, EXPIRY_SWEEP.toMillis(),
				EXPIRY_SWEEP.toMillis(), TimeUnit.MILLISECONDS);
	}

	private void loginRequestCreated(String requestId) {
		Duration delay = this.agentApproval;
		if (delay != null) {
			this.scheduler.schedule(() -> approveAsAgent(requestId), delay.toMillis(), TimeUnit.MILLISECONDS);
		}
	}

	private void approveAsAgent(String requestId) {
		LoginRequests.Entry entry = this.state.findLoginRequest(requestId);
		LoginRequestStatus status = (entry != null) ? this.state.approve(entry) : null;
		if (status != null) {
			logger.log(System.Logger.Level.INFO, "The fake LIME API''s agent {0} approved login request {1} ({2})",
					this.state.agentId(), requestId, status);
		}
	}

	/**
	 * Start a fake with the defaults of {@link Builder}.
	 * @return the running fake
	 */
	public static FakeLimeApi start() {
		return builder().start();
	}

	/**
	 * A builder for a fake with non-default settings.
	 * @return a new builder
	 */
	public static Builder builder() {
		return new Builder();
	}

	/**
	 * The API base the site is configured with.
	 * @return {@code http://127.0.0.1:<port>/api/v1}
	 */
	public String baseUrl() {
		return origin() + "/api/v1";
	}

	/**
	 * The server's origin, where the hosted {@code /connect/} page lives.
	 * @return {@code http://127.0.0.1:<port>}
	 */
	public String origin() {
		return "http://127.0.0.1:" + this.server.port();
	}

	/**
	 * The site token the fake accepts in {@code X-Site-Token}.
	 * @return the token, {@code st_…}
	 */
	public String siteToken() {
		return this.state.siteToken();
	}

	/**
	 * The agent token the fake accepts in {@code X-Agent-Token}.
	 * @return the token, {@code at_…}
	 */
	public String agentToken() {
		return this.state.agentToken();
	}

	/**
	 * The site's id, as returned by approve in {@code site_id}.
	 * @return a UUID
	 */
	public String siteId() {
		return this.state.siteId();
	}

	/**
	 * The agent's id: the {@code sub} of minted passports and {@code approved_agent_id}.
	 * @return a UUID
	 */
	public String agentId() {
		return this.state.agentId();
	}

	/**
	 * An agent client for this fake, holding {@link #agentToken()}.
	 * @return a new agent
	 */
	public LimeAgent agent() {
		return new LimeAgent(baseUrl(), this.state.agentToken());
	}

	/**
	 * Create a login request without going through HTTP, as the site's create call would.
	 * @return the {@code login_request_id}
	 */
	public String createLoginRequestDirectly() {
		return this.state.createLoginRequest().id;
	}

	/**
	 * The status of a login request, taking its expiry into account.
	 * @param requestId the login request id
	 * @return the status
	 * @throws IllegalArgumentException if the fake does not know the request
	 */
	public LoginRequestStatus status(String requestId) {
		return this.state.status(requestId);
	}

	/**
	 * Expire a pending login request now, whatever its {@code expires_at}, emitting the
	 * {@code expired} event.
	 * @param requestId the login request id
	 * @return {@code true} if it was pending
	 */
	public boolean expire(String requestId) {
		return this.state.expire(requestId);
	}

	/**
	 * Publish an {@code approved} event (logged, numbered and replayable like the events
	 * the fake emits itself), e.g. with a broken passport from {@link #passports()}.
	 * @param requestId the {@code login_request_id}
	 * @param passportJwt the {@code agent_passport_jwt}
	 * @return the number of open streams it was written to
	 */
	public int emitApproved(String requestId, String passportJwt) {
		return this.state.emitApproved(requestId, passportJwt);
	}

	/**
	 * Publish an {@code expired} event (logged, numbered and replayable).
	 * @param requestId the {@code login_request_id}
	 * @return the number of open streams it was written to
	 */
	public int emitExpired(String requestId) {
		return this.state.emitExpired(requestId);
	}

	/**
	 * How many site event streams are open.
	 * @return the count
	 */
	public int openStreams() {
		return this.streams.openCount();
	}

	/**
	 * The passport minting helper, signing with the fake's current key.
	 * @return the helper
	 */
	public Passports passports() {
		return this.state.passports();
	}

	/**
	 * The fault knobs.
	 * @return the knobs
	 */
	public FakeLimeFaults faults() {
		return this.faults;
	}

	/**
	 * The requests received, per endpoint.
	 * @return the recorded requests
	 */
	public RecordedRequests requests() {
		return this.requests;
	}

	/**
	 * Replace the signing key by a new one with a new {@code kid}; later passports are
	 * signed with it.
	 * @param keepPrevious whether the JWKS keeps publishing the previous keys
	 * @return the new {@code kid}
	 */
	public String rotateSigningKey(boolean keepPrevious) {
		return this.state.keys().rotate(keepPrevious);
	}

	/**
	 * The {@code kid} of the key that signs passports now.
	 * @return the key id
	 */
	public String signingKeyId() {
		return this.state.keys().current().getKeyID();
	}

	/**
	 * Switch the JWKS body shape.
	 * @param mode the shape served from now on
	 */
	public void jwksMode(JwksMode mode) {
		this.state.jwksMode(mode);
	}

	/**
	 * Suspend the site: site-token calls answer 403 {@code SITE_SUSPENDED} while set.
	 * @param suspended whether the site is suspended
	 */
	public void suspendSite(boolean suspended) {
		this.state.suspendSite(suspended);
	}

	/**
	 * Turn every fault off, un-suspend the site and forget the recorded requests; login
	 * requests, events and keys stay.
	 */
	public void reset() {
		this.faults.reset();
		this.requests.clear();
		this.state.suspendSite(false);
	}

	/**
	 * Stop the server: ends every open stream, closes connections and stops the fake's
	 * threads. Idempotent.
	 */
	@Override
	public void close() {
		if (!this.closed.compareAndSet(false, true)) {
			return;
		}
		this.expirySweep.dispose();
		this.streams.endAll();
		this.server.disposeNow(SHUTDOWN_TIMEOUT);
		this.loops.disposeLater(Duration.ZERO, SHUTDOWN_TIMEOUT).block(SHUTDOWN_TIMEOUT.multipliedBy(2));
		this.scheduler.dispose();
	}

	/**
	 * Complete a binding request as the hosted connect page would once the user picked
	 * the agent.
	 * @param bindingId the {@code binding_id}
	 * @return the site's {@code redirect_uri} with the {@code passport} query parameter,
	 * or {@code null} if the binding is unknown or expired
	 */
	public @Nullable URI completeBinding(String bindingId) {
		return this.state.completeBinding(bindingId);
	}

	/**
	 * Settings of a {@link FakeLimeApi}.
	 */
	public static final class Builder {

		private Duration requestTtl = Duration.ofSeconds(120);

		private Duration requestRetention = Duration.ofMinutes(10);

		private int maxRecordedRequests = 10_000;

		private int powDifficulty = 8;

		private Duration keepAliveInterval = Duration.ofSeconds(15);

		private Clock clock = Clock.systemUTC();

		private JwksMode jwksMode = JwksMode.ENVELOPE;

		private boolean sseIds;

		private boolean replay;

		private boolean broadcast = true;

		private String siteToken = "st_" + UUID.randomUUID().toString().replace("-", "");

		private String agentToken = "at_" + UUID.randomUUID().toString().replace("-", "");

		private @Nullable ZoneOffset expiresAtOffset = ZoneOffset.UTC;

		private @Nullable Duration agentApproval;

		private Builder() {
		}

		/**
		 * Have the fake's agent approve each login request created over HTTP this long
		 * after its creation, as an agent handed the request id would (default: never;
		 * requests wait for {@link FakeLimeApi#agent()} or expire). The approval mints
		 * the passport, pushes the {@code approved} event and is logged (a
		 * {@link System.Logger}); a request no longer pending by then is left as it is.
		 * @param delay the time between creation and approval, zero or more
		 * @return this builder
		 */
		public Builder agentApproval(Duration delay) {
			if (delay.isNegative()) {
				throw new IllegalArgumentException("agentApproval must not be negative: " + delay);
			}
			this.agentApproval = delay;
			return this;
		}

		/**
		 * How long a login or binding request stays pending (default 120 s).
		 * @param requestTtl the lifetime
		 * @return this builder
		 */
		public Builder requestTtl(Duration requestTtl) {
			this.requestTtl = requestTtl;
			return this;
		}

		/**
		 * How long a login request is still known after its {@code expires_at}, whatever
		 * its status (default 10 minutes): its status stays readable, for a site that
		 * reconciles after a lost stream; then the fake forgets it and answers 404, as
		 * for an id it never issued.
		 * @param requestRetention the time after expiry, zero or more
		 * @return this builder
		 */
		public Builder requestRetention(Duration requestRetention) {
			if (requestRetention.isNegative()) {
				throw new IllegalArgumentException("requestRetention must not be negative: " + requestRetention);
			}
			this.requestRetention = requestRetention;
			return this;
		}

		/**
		 * How many of the newest requests {@link FakeLimeApi#requests()} keeps (default
		 * 10,000); the counts include the older ones.
		 * @param maxRecordedRequests the number kept, zero or more
		 * @return this builder
		 */
		public Builder maxRecordedRequests(int maxRecordedRequests) {
			if (maxRecordedRequests < 0) {
				throw new IllegalArgumentException("maxRecordedRequests must not be negative: " + maxRecordedRequests);
			}
			this.maxRecordedRequests = maxRecordedRequests;
			return this;
		}

		/**
		 * The {@code pow_difficulty} of new login requests (default 8).
		 * @param powDifficulty leading zero bits
		 * @return this builder
		 */
		public Builder powDifficulty(int powDifficulty) {
			this.powDifficulty = powDifficulty;
			return this;
		}

		/**
		 * How often each open stream gets a {@code keepalive} frame (default 15 s).
		 * @param keepAliveInterval the interval
		 * @return this builder
		 */
		public Builder keepAliveInterval(Duration keepAliveInterval) {
			this.keepAliveInterval = keepAliveInterval;
			return this;
		}

		/**
		 * The clock for {@code expires_at}, expiry and passport times (default the system
		 * UTC clock). The fake checks for due expiries every 20 ms, so a test clock that
		 * is moved forward expires requests promptly.
		 * @param clock the clock
		 * @return this builder
		 */
		public Builder clock(Clock clock) {
			this.clock = clock;
			return this;
		}

		/**
		 * The JWKS body shape (default {@link JwksMode#ENVELOPE}, as site SDK 1.0.1 reads
		 * it).
		 * @param jwksMode the shape
		 * @return this builder
		 */
		public Builder jwksMode(JwksMode jwksMode) {
			this.jwksMode = jwksMode;
			return this;
		}

		/**
		 * Whether event frames carry {@code id:} lines (default off, as no LIME fixture
		 * shows them).
		 * @param sseIds whether to number events
		 * @return this builder
		 */
		public Builder sseIds(boolean sseIds) {
			this.sseIds = sseIds;
			return this;
		}

		/**
		 * Whether a stream opened with {@code Last-Event-ID} first receives the events
		 * published after that id (default off). Needs {@link #sseIds(boolean)} for
		 * clients to learn ids.
		 * @param replay whether to replay
		 * @return this builder
		 */
		public Builder replay(boolean replay) {
			this.replay = replay;
			return this;
		}

		/**
		 * Whether events go to every open stream of the site (default) or only to the
		 * most recently opened one.
		 * @param broadcast whether to broadcast
		 * @return this builder
		 */
		public Builder broadcast(boolean broadcast) {
			this.broadcast = broadcast;
			return this;
		}

		/**
		 * The site token to accept (default a random {@code st_…}).
		 * @param siteToken the token
		 * @return this builder
		 */
		public Builder siteToken(String siteToken) {
			this.siteToken = siteToken;
			return this;
		}

		/**
		 * The agent token to accept (default a random {@code at_…}).
		 * @param agentToken the token
		 * @return this builder
		 */
		public Builder agentToken(String agentToken) {
			this.agentToken = agentToken;
			return this;
		}

		/**
		 * The offset {@code expires_at} is written in (default UTC as {@code +00:00}, as
		 * in LIME's fixtures); {@code null} writes UTC with {@code Z}. Fractions have 0,
		 * 3 or 6 digits, depending on the clock's precision.
		 * @param offset the offset, or {@code null} for {@code Z}
		 * @return this builder
		 */
		public Builder expiresAtOffset(@Nullable ZoneOffset offset) {
			this.expiresAtOffset = offset;
			return this;
		}

		/**
		 * Start the fake on a random loopback port.
		 * @return the running fake
		 */
		public FakeLimeApi start() {
			return new FakeLimeApi(this);
		}

	}

}
