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

package io.github.agentprotocols.lime.site;

import java.net.URI;
import java.util.function.Supplier;

import io.github.agentprotocols.lime.BindingRequest;
import io.github.agentprotocols.lime.LimeException;
import io.github.agentprotocols.lime.LoginRequest;
import io.github.agentprotocols.lime.LoginStatus;
import io.github.agentprotocols.lime.Passport;
import io.github.agentprotocols.lime.passport.PassportVerifier;
import org.jspecify.annotations.Nullable;
import reactor.core.scheduler.Schedulers;

/**
 * The blocking view of a {@link LimeSite} ({@link LimeSite#blocking()}), with the calls
 * of the Python SDK for code that is not reactive: each waits for its result and throws
 * the LIME exceptions directly. Refused with an {@link IllegalStateException} on a
 * non-blocking thread such as a Netty event loop; use the reactive methods there.
 */
public final class BlockingLimeSite {

	private final LimeSite site;

	private final PassportVerifier verifier;

	BlockingLimeSite(LimeSite site, PassportVerifier verifier) {
		this.site = site;
		this.verifier = verifier;
	}

	/**
	 * Create a login request.
	 * @return the login request
	 * @see LimeSite#createLoginRequest()
	 */
	public LoginRequest createLoginRequest() {
		return call("createLoginRequest", () -> this.site.createLoginRequest().block());
	}

	/**
	 * Read the status of a login request.
	 * @param requestId the login request id
	 * @return its status
	 * @see LimeSite#getLoginStatus(String)
	 */
	public LoginStatus getLoginStatus(String requestId) {
		return call("getLoginStatus", () -> this.site.getLoginStatus(requestId).block());
	}

	/**
	 * Verify a login passport.
	 * @param jwt the passport JWT
	 * @param expectedRequestId the login request it must be for
	 * @return the verified passport
	 * @see LimeSite#verifyPassport(String, String)
	 */
	public Passport verifyPassport(String jwt, @Nullable String expectedRequestId) {
		return call("verifyPassport", () -> this.verifier.verifyPassport(jwt, expectedRequestId));
	}

	/**
	 * Create an Agent Binding request.
	 * @param redirectUri where the portal sends the browser back with the passport
	 * @return the binding request
	 * @see LimeSite#createBindingRequest(URI)
	 */
	public BindingRequest createBindingRequest(URI redirectUri) {
		return call("createBindingRequest", () -> this.site.createBindingRequest(redirectUri).block());
	}

	/**
	 * Verify an Agent Binding passport (LIME 2.0).
	 * @param jwt the passport JWT
	 * @return the verified passport
	 * @see LimeSite#verifyBindingPassport(String)
	 */
	public Passport verifyBindingPassport(String jwt) {
		return call("verifyBindingPassport", () -> this.verifier.verifyBindingPassport(jwt));
	}

	/**
	 * Verify an Agent Binding passport for a given binding request (LIME 1.2.0).
	 * @param jwt the passport JWT
	 * @param expectedBindingId the binding id it must carry
	 * @return the verified passport
	 * @see LimeSite#verifyBindingPassport(String, String)
	 */
	public Passport verifyBindingPassport(String jwt, String expectedBindingId) {
		return call("verifyBindingPassport", () -> this.verifier.verifyBindingPassport(jwt, expectedBindingId));
	}

	private static <T> T call(String method, Supplier<@Nullable T> work) {
		if (Schedulers.isInNonBlockingThread()) {
			throw new IllegalStateException(
					"LimeSite.blocking()." + method + " blocks and cannot run on the" + " non-blocking thread "
							+ Thread.currentThread().getName() + "; use the reactive LimeSite." + method + " instead");
		}
		T result = work.get();
		if (result == null) {
			throw new LimeException("LimeSite." + method + " completed without a result");
		}
		return result;
	}

}
