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

package io.github.agentprotocols.lime.passport;

import java.net.MalformedURLException;
import java.net.URI;
import java.text.ParseException;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSVerifier;
import com.nimbusds.jose.KeySourceException;
import com.nimbusds.jose.crypto.RSASSAVerifier;
import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.JWKMatcher;
import com.nimbusds.jose.jwk.JWKSelector;
import com.nimbusds.jose.jwk.KeyType;
import com.nimbusds.jose.jwk.KeyUse;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.source.JWKSource;
import com.nimbusds.jose.jwk.source.JWKSourceBuilder;
import com.nimbusds.jose.jwk.source.RateLimitReachedException;
import com.nimbusds.jose.proc.SecurityContext;
import com.nimbusds.jose.util.ResourceRetriever;
import com.nimbusds.jwt.JWT;
import com.nimbusds.jwt.JWTParser;
import com.nimbusds.jwt.SignedJWT;
import io.github.agentprotocols.lime.InvalidPassportException;
import io.github.agentprotocols.lime.LimeMetrics;
import io.github.agentprotocols.lime.Passport;
import io.github.agentprotocols.lime.PassportExpiredException;
import io.github.agentprotocols.lime.PassportReplayStore;
import io.github.agentprotocols.lime.PassportReplayedException;
import io.github.agentprotocols.lime.memory.InMemoryPassportReplayStore;
import io.github.agentprotocols.lime.observation.DefaultPassportVerificationObservationConvention;
import io.github.agentprotocols.lime.observation.LimeObservationDocumentation;
import io.github.agentprotocols.lime.observation.PassportVerificationObservationContext;
import io.github.agentprotocols.lime.observation.PassportVerificationObservationContext.Kind;
import io.github.agentprotocols.lime.observation.PassportVerificationObservationConvention;
import io.micrometer.observation.Observation;
import io.micrometer.observation.ObservationRegistry;
import org.jspecify.annotations.Nullable;

/**
 * Verifies LIME passport JWTs (spec §5, with the fixes of §8.8 and §8.9): the header is
 * parsed, only RS256 is accepted, the {@code kid} is resolved against the LIME JWKS, the
 * signature is checked, then the claims go through one {@link PassportValidator} per
 * check: the defaults of {@link PassportValidators} (audience, optional issuer,
 * timestamps with leeway and a bounded future {@code iat}
 * ({@link PassportExpiredException} on expiry), the lifetime cap), the request (or
 * binding) id, and one-time use ({@link PassportReplayedException}). Every failure is an
 * {@link InvalidPassportException}.
 * <p>
 * Keys come from a Nimbus {@link JWKSource} built with {@link JWKSourceBuilder}: cached
 * for a time-to-live, refreshed by one thread at a time when an unknown {@code kid}
 * appears (other threads wait for that refresh), at most twice per minimum interval, and
 * served stale while the JWKS endpoint is down. Verification blocks only while keys are
 * fetched.
 * <p>
 * Each verification is observed as {@code lime.passport.verification}, a child of the
 * current observation, with the
 * {@link io.github.agentprotocols.lime.observation.PassportOutcome outcome}; a JWKS fetch
 * it needs is observed within it.
 */
public final class PassportVerifier {

	/**
	 * The audience of login passports.
	 */
	public static final String LOGIN_AUDIENCE = "lime-site-login";

	/**
	 * The audience of Agent Binding passports.
	 */
	public static final String BINDING_AUDIENCE = "lime-binding";

	private static final PassportVerificationObservationConvention DEFAULT_CONVENTION = new DefaultPassportVerificationObservationConvention();

	private final JWKSource<SecurityContext> keys;

	private final PassportValidator loginValidator;

	private final PassportValidator bindingValidator;

	private final @Nullable PassportReplayStore replayStore;

	private final Duration leeway;

	private final boolean requireRequestBinding;

	private final BindingIdCheck bindingIdCheck;

	private final LimeMetrics metrics;

	private final ObservationRegistry observationRegistry;

	private final @Nullable PassportVerificationObservationConvention observationConvention;

	private final Map<String, KeyVerifier> verifiers = new ConcurrentHashMap<>();

	private PassportVerifier(Builder builder, JWKSource<SecurityContext> keys) {
		this.keys = keys;
		this.leeway = builder.leeway;
		this.replayStore = builder.oneTimeUse ? Objects.requireNonNullElseGet(builder.replayStore,
				() -> new InMemoryPassportReplayStore(builder.clock)) : null;
		this.loginValidator = builder.claimsValidator(LOGIN_AUDIENCE);
		this.bindingValidator = builder.claimsValidator(BINDING_AUDIENCE);
		this.requireRequestBinding = builder.requireRequestBinding;
		this.bindingIdCheck = builder.bindingIdCheck;
		this.metrics = builder.metrics;
		this.observationRegistry = builder.observationRegistry;
		this.observationConvention = builder.observationConvention;
	}

	/**
	 * Start building a verifier that reads keys from a JWKS URL through Nimbus's
	 * {@link JWKSourceBuilder}.
	 * @param jwkSetUri the JWKS URL, such as
	 * {@code https://lime.pics/api/v1/core/.well-known/jwks.json}
	 * @param retriever fetches the JWKS, such as a {@link JwksResourceRetriever}
	 * @return the builder
	 */
	public static Builder withJwkSetUri(URI jwkSetUri, ResourceRetriever retriever) {
		return new Builder(jwkSetUri, retriever, null);
	}

	/**
	 * Start building a verifier over a given key source; the JWKS cache options of the
	 * builder do not apply to it.
	 * @param keys the key source
	 * @return the builder
	 */
	public static Builder withJwkSource(JWKSource<SecurityContext> keys) {
		return new Builder(null, null, keys);
	}

	/**
	 * Verify a login passport received for a login request.
	 * @param token the compact JWT
	 * @param expectedRequestId the login request it must be for; required unless the
	 * verifier was built with {@code requireRequestBinding(false)}
	 * @return the verified passport
	 * @throws InvalidPassportException when the passport is not valid
	 */
	public Passport verifyPassport(String token, @Nullable String expectedRequestId) {
		return recorded(new PassportVerificationObservationContext(Kind.LOGIN, expectedRequestId),
				() -> verifyLogin(token, expectedRequestId));
	}

	private Passport verifyLogin(String token, @Nullable String expectedRequestId) {
		List<PassportValidator> checks = new ArrayList<>(3);
		checks.add(this.loginValidator);
		if (expectedRequestId != null && !expectedRequestId.isBlank()) {
			checks.add(new RequestIdValidator(expectedRequestId));
		}
		else if (this.requireRequestBinding) {
			throw new InvalidPassportException("expected request_id is required to verify a login passport");
		}
		if (this.replayStore != null) {
			checks.add(new OneTimeUseValidator(this.replayStore, LOGIN_AUDIENCE, List.of("request_id", "jti"),
					this.leeway));
		}
		return verify(token, new DelegatingPassportValidator(checks));
	}

	/**
	 * Verify an Agent Binding passport, requiring a non-blank {@code binding_id} claim
	 * that the application then matches with its pending binding (LIME 2.0). Built with
	 * {@link BindingIdCheck#EXPECTED}, the verifier refuses this call: use
	 * {@link #verifyBindingPassport(String, String)}.
	 * @param token the compact JWT
	 * @return the verified passport, its binding id in {@link Passport#bindingId()}
	 * @throws InvalidPassportException when the passport is not valid
	 */
	public Passport verifyBindingPassport(String token) {
		return recorded(new PassportVerificationObservationContext(Kind.BINDING, null), () -> {
			if (this.bindingIdCheck == BindingIdCheck.EXPECTED) {
				throw new InvalidPassportException("expected_binding_id is required to verify a binding passport");
			}
			return verifyBinding(token, null);
		});
	}

	/**
	 * Verify an Agent Binding passport for a given binding request (LIME 1.2.0).
	 * @param token the compact JWT
	 * @param expectedBindingId the binding id the passport must carry
	 * @return the verified passport
	 * @throws InvalidPassportException when the passport is not valid
	 */
	public Passport verifyBindingPassport(String token, String expectedBindingId) {
		return recorded(new PassportVerificationObservationContext(Kind.BINDING, expectedBindingId), () -> {
			if (expectedBindingId == null || expectedBindingId.isBlank()) {
				throw new InvalidPassportException("expected_binding_id is required to verify a binding passport");
			}
			return verifyBinding(token, expectedBindingId);
		});
	}

	private Passport recorded(PassportVerificationObservationContext context, Supplier<Passport> verification) {
		Observation observation = LimeObservationDocumentation.PASSPORT_VERIFICATION
			.observation(this.observationConvention, DEFAULT_CONVENTION, () -> context, this.observationRegistry);
		return observation.observe(() -> {
			try {
				Passport passport = verification.get();
				this.metrics.passportVerified(passport);
				return passport;
			}
			catch (InvalidPassportException ex) {
				context.setOutcome(PassportOutcomes.of(ex));
				this.metrics.passportRejected(ex);
				throw ex;
			}
		});
	}

	private Passport verifyBinding(String token, @Nullable String expectedBindingId) {
		List<PassportValidator> checks = new ArrayList<>(3);
		checks.add(this.bindingValidator);
		checks.add(new BindingIdValidator(expectedBindingId));
		if (this.replayStore != null) {
			checks.add(new OneTimeUseValidator(this.replayStore, BINDING_AUDIENCE, List.of("binding_id", "jti"),
					this.leeway));
		}
		return verify(token, new DelegatingPassportValidator(checks));
	}

	private Passport verify(@Nullable String token, PassportValidator validator) {
		SignedJWT jwt = parse(token);
		String kid = jwt.getHeader().getKeyID();
		if (kid == null || kid.isBlank()) {
			throw new InvalidPassportException("JWT header has no kid");
		}
		try {
			if (!jwt.verify(verifier(kid))) {
				throw new InvalidPassportException("JWT signature verification failed: signature does not match");
			}
		}
		catch (JOSEException ex) {
			throw new InvalidPassportException("JWT signature verification failed: " + ex.getMessage(), ex);
		}
		Map<String, Object> claims = jwt.getPayload().toJSONObject();
		if (claims == null) {
			throw new InvalidPassportException("JWT payload must be an object");
		}
		validator.validate(claims);
		return Passport.of(claims);
	}

	private static SignedJWT parse(@Nullable String token) {
		JWT jwt;
		try {
			jwt = JWTParser.parse(Objects.requireNonNullElse(token, "").trim());
		}
		catch (ParseException ex) {
			throw new InvalidPassportException("JWT header is invalid: " + ex.getMessage(), ex);
		}
		catch (RuntimeException ex) {
			// Nimbus throws a NullPointerException for a header that is JSON null: a
			// token's bytes are the sender's, so whatever the parser throws is a refusal
			throw new InvalidPassportException("JWT header is invalid: " + ex, ex);
		}
		if (!(jwt instanceof SignedJWT signed) || !JWSAlgorithm.RS256.equals(signed.getHeader().getAlgorithm())) {
			throw new InvalidPassportException("JWT signature verification failed: algorithm "
					+ jwt.getHeader().getAlgorithm() + " is not accepted, RS256 only");
		}
		return signed;
	}

	private JWSVerifier verifier(String kid) throws JOSEException {
		JWK key = key(kid);
		KeyVerifier cached = this.verifiers.get(kid);
		if (cached != null && cached.key() == key) {
			return cached.verifier();
		}
		KeyVerifier created = new KeyVerifier(key, new RSASSAVerifier((RSAKey) key));
		this.verifiers.put(kid, created);
		return created.verifier();
	}

	private JWK key(String kid) {
		JWKSelector selector = new JWKSelector(new JWKMatcher.Builder().keyID(kid)
			.keyType(KeyType.RSA)
			.keyUses(KeyUse.SIGNATURE, null)
			.algorithms(JWSAlgorithm.RS256, null)
			.build());
		List<JWK> matches;
		try {
			matches = this.keys.get(selector, null);
		}
		catch (RateLimitReachedException ex) {
			throw new InvalidPassportException("Unknown JWT kid " + kid + " (JWKS refresh rate-limited)", ex);
		}
		catch (KeySourceException ex) {
			throw new InvalidPassportException("JWKS unavailable to resolve JWT kid " + kid + ": " + ex.getMessage(),
					ex);
		}
		if (matches.isEmpty()) {
			throw new InvalidPassportException("Unknown JWT kid " + kid);
		}
		return matches.get(0);
	}

	private record KeyVerifier(JWK key, JWSVerifier verifier) {

	}

	/**
	 * Builds a {@link PassportVerifier} with secure defaults: 60 s leeway, {@code iat} at
	 * most 60 s ahead, request binding required, one-time use in memory, binding
	 * passports checked as in LIME 2.0, JWKS cached 5 minutes, refreshed at most twice
	 * per 30 s, served stale for up to an hour while unreachable.
	 */
	public static final class Builder {

		private final @Nullable URI jwkSetUri;

		private final @Nullable ResourceRetriever retriever;

		private final @Nullable JWKSource<SecurityContext> keys;

		private Clock clock = Clock.systemUTC();

		private Duration leeway = PassportValidators.DEFAULT_LEEWAY;

		private Duration maxFutureIssuedAt = PassportValidators.DEFAULT_MAX_FUTURE_ISSUED_AT;

		private @Nullable String issuer;

		private boolean requireRequestBinding = true;

		private BindingIdCheck bindingIdCheck = BindingIdCheck.PRESENT;

		private boolean oneTimeUse = true;

		private @Nullable PassportReplayStore replayStore;

		private final List<PassportValidator> validators = new ArrayList<>();

		private LimeMetrics metrics = LimeMetrics.NONE;

		private ObservationRegistry observationRegistry = ObservationRegistry.NOOP;

		private @Nullable PassportVerificationObservationConvention observationConvention;

		private Duration jwksCacheTtl = Duration.ofMinutes(5);

		private Duration jwksRefreshMinInterval = Duration.ofSeconds(30);

		private Duration jwksRefreshTimeout = Duration.ofSeconds(15);

		private Duration jwksOutageTolerance = Duration.ofHours(1);

		private Builder(@Nullable URI jwkSetUri, @Nullable ResourceRetriever retriever,
				@Nullable JWKSource<SecurityContext> keys) {
			this.jwkSetUri = jwkSetUri;
			this.retriever = retriever;
			this.keys = keys;
		}

		/**
		 * Set the clock of the time checks and of the default replay store.
		 * @param clock the clock
		 * @return this builder
		 */
		public Builder clock(Clock clock) {
			this.clock = clock;
			return this;
		}

		/**
		 * Set the clock skew allowed on {@code exp} and {@code nbf} (default 60 s).
		 * @param leeway the leeway
		 * @return this builder
		 */
		public Builder leeway(Duration leeway) {
			this.leeway = leeway;
			return this;
		}

		/**
		 * Set how far in the future {@code iat} may be (default 60 s).
		 * @param maxFutureIssuedAt the bound
		 * @return this builder
		 */
		public Builder maxFutureIssuedAt(Duration maxFutureIssuedAt) {
			this.maxFutureIssuedAt = maxFutureIssuedAt;
			return this;
		}

		/**
		 * Require this {@code iss} claim (none is checked by default).
		 * @param issuer the issuer, or {@code null} for no check
		 * @return this builder
		 */
		public Builder issuer(@Nullable String issuer) {
			this.issuer = issuer;
			return this;
		}

		/**
		 * Set whether login passports may only be verified against an expected request id
		 * (default {@code true}).
		 * @param requireRequestBinding whether the request id is required
		 * @return this builder
		 */
		public Builder requireRequestBinding(boolean requireRequestBinding) {
			this.requireRequestBinding = requireRequestBinding;
			return this;
		}

		/**
		 * Set how binding passports verified without an expected binding id are checked
		 * (default {@link BindingIdCheck#PRESENT}).
		 * @param bindingIdCheck the check
		 * @return this builder
		 */
		public Builder bindingIdCheck(BindingIdCheck bindingIdCheck) {
			this.bindingIdCheck = bindingIdCheck;
			return this;
		}

		/**
		 * Set whether each passport is accepted once only (default {@code true}).
		 * @param oneTimeUse whether to refuse replays
		 * @return this builder
		 */
		public Builder oneTimeUse(boolean oneTimeUse) {
			this.oneTimeUse = oneTimeUse;
			return this;
		}

		/**
		 * Set the store of used passports (default an
		 * {@link InMemoryPassportReplayStore}); share one between instances.
		 * @param replayStore the store
		 * @return this builder
		 */
		public Builder replayStore(PassportReplayStore replayStore) {
			this.replayStore = replayStore;
			return this;
		}

		/**
		 * Add a check of the claims, run after the audience, issuer, time and lifetime
		 * checks.
		 * @param validator the check
		 * @return this builder
		 */
		public Builder validator(PassportValidator validator) {
			this.validators.add(validator);
			return this;
		}

		/**
		 * Record the outcome of every verification in these metrics (default none).
		 * @param metrics the metrics
		 * @return this builder
		 */
		public Builder metrics(LimeMetrics metrics) {
			this.metrics = metrics;
			return this;
		}

		/**
		 * Observe every verification in this registry (default
		 * {@link ObservationRegistry#NOOP}).
		 * @param observationRegistry the registry
		 * @return this builder
		 */
		public Builder observationRegistry(ObservationRegistry observationRegistry) {
			this.observationRegistry = observationRegistry;
			return this;
		}

		/**
		 * Observe verifications with this convention instead of the default one.
		 * @param observationConvention the convention
		 * @return this builder
		 */
		public Builder observationConvention(PassportVerificationObservationConvention observationConvention) {
			this.observationConvention = observationConvention;
			return this;
		}

		/**
		 * Set how long fetched keys are used before the JWKS is fetched again (default 5
		 * minutes).
		 * @param jwksCacheTtl the time-to-live
		 * @return this builder
		 */
		public Builder jwksCacheTtl(Duration jwksCacheTtl) {
			this.jwksCacheTtl = jwksCacheTtl;
			return this;
		}

		/**
		 * Set the interval within which the JWKS is fetched at most twice, whatever the
		 * unknown {@code kid}s presented (default 30 s, less than the cache time-to-live;
		 * zero for no limit).
		 * @param jwksRefreshMinInterval the interval
		 * @return this builder
		 */
		public Builder jwksRefreshMinInterval(Duration jwksRefreshMinInterval) {
			this.jwksRefreshMinInterval = jwksRefreshMinInterval;
			return this;
		}

		/**
		 * Set how long verifications wait for a JWKS refresh in progress (default 15 s).
		 * @param jwksRefreshTimeout the wait
		 * @return this builder
		 */
		public Builder jwksRefreshTimeout(Duration jwksRefreshTimeout) {
			this.jwksRefreshTimeout = jwksRefreshTimeout;
			return this;
		}

		/**
		 * Set how long the last keys fetched are still used while the JWKS endpoint is
		 * unreachable (default 1 hour).
		 * @param jwksOutageTolerance the time
		 * @return this builder
		 */
		public Builder jwksOutageTolerance(Duration jwksOutageTolerance) {
			this.jwksOutageTolerance = jwksOutageTolerance;
			return this;
		}

		/**
		 * Build the verifier.
		 * @return the verifier
		 */
		public PassportVerifier build() {
			return new PassportVerifier(this, (this.keys != null) ? this.keys : remoteKeys());
		}

		private JWKSource<SecurityContext> remoteKeys() {
			try {
				JWKSourceBuilder<SecurityContext> keys = JWKSourceBuilder
					.create(Objects.requireNonNull(this.jwkSetUri).toURL(), Objects.requireNonNull(this.retriever))
					.cache(this.jwksCacheTtl.toMillis(), this.jwksRefreshTimeout.toMillis())
					.refreshAheadCache(false)
					.outageTolerant(this.jwksOutageTolerance.toMillis());
				return (this.jwksRefreshMinInterval.isZero() ? keys.rateLimited(false)
						: keys.rateLimited(this.jwksRefreshMinInterval.toMillis()))
					.build();
			}
			catch (MalformedURLException ex) {
				throw new IllegalArgumentException("Invalid JWKS URL " + this.jwkSetUri, ex);
			}
		}

		private PassportValidator claimsValidator(String audience) {
			return PassportValidators.create(audience, this.issuer, this.clock, this.leeway, this.maxFutureIssuedAt,
					this.validators);
		}

	}

}
