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

package io.github.agentprotocols.lime.observation;

import io.micrometer.observation.Observation;
import org.jspecify.annotations.Nullable;

/**
 * The context of one passport verification: which kind of passport, the request or
 * binding it must be for, and the outcome. Never the token.
 */
public class PassportVerificationObservationContext extends Observation.Context {

	private final Kind kind;

	private final @Nullable String expectedId;

	private PassportOutcome outcome = PassportOutcome.VALID;

	/**
	 * Create a context.
	 * @param kind the kind of passport
	 * @param expectedId the request id (login) or binding id (binding) it must carry, if
	 * one is expected
	 */
	public PassportVerificationObservationContext(Kind kind, @Nullable String expectedId) {
		this.kind = kind;
		this.expectedId = expectedId;
	}

	/**
	 * Return the kind of passport.
	 * @return the kind
	 */
	public Kind getKind() {
		return this.kind;
	}

	/**
	 * Return the request or binding id the passport must carry.
	 * @return the id, or {@code null} when none is expected
	 */
	public @Nullable String getExpectedId() {
		return this.expectedId;
	}

	/**
	 * Return the outcome; {@link PassportOutcome#VALID} until set otherwise.
	 * @return the outcome
	 */
	public PassportOutcome getOutcome() {
		return this.outcome;
	}

	/**
	 * Set the outcome.
	 * @param outcome the outcome
	 */
	public void setOutcome(PassportOutcome outcome) {
		this.outcome = outcome;
	}

	/**
	 * The kinds of passports.
	 */
	public enum Kind {

		/** A login passport, audience {@code lime-site-login}. */
		LOGIN,

		/** An Agent Binding passport, audience {@code lime-binding}. */
		BINDING

	}

}
