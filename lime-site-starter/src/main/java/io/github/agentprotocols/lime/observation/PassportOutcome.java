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

/**
 * The outcome of a passport verification: valid, or the check it failed. Never the token.
 */
public enum PassportOutcome {

	/** The passport passed every check. */
	VALID,

	/** Its {@code exp} has passed, leeway included. */
	EXPIRED,

	/** It was accepted before. */
	REPLAYED,

	/** Not RS256, or its signature does not match its key. */
	BAD_SIGNATURE,

	/** Its {@code kid} is not in the JWKS, even after a refresh. */
	UNKNOWN_KEY,

	/** The JWKS could not be fetched to resolve its {@code kid}. */
	JWKS_UNAVAILABLE,

	/** Its {@code aud} is not the expected audience. */
	WRONG_AUDIENCE,

	/** Its {@code iss} is not the expected issuer. */
	WRONG_ISSUER,

	/**
	 * Its {@code request_id} or {@code binding_id} is missing or not the expected one.
	 */
	WRONG_REQUEST,

	/** Its {@code iat} or {@code nbf} is out of range, or its lifetime too long. */
	BAD_TIMESTAMPS,

	/** Its header or payload could not be read. */
	MALFORMED,

	/** Another check refused it, such as one the application added. */
	INVALID

}
