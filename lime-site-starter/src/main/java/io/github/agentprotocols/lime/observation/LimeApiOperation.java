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
 * The calls the site makes to the LIME API, each observed under its own name.
 */
public enum LimeApiOperation {

	/** Creates a login request ({@code POST /modules/agent-login/requests}). */
	LOGIN_REQUEST(LimeObservationDocumentation.LOGIN_REQUEST),

	/** Reads the status of a login request. */
	LOGIN_STATUS(LimeObservationDocumentation.LOGIN_STATUS),

	/** Creates an Agent Binding request. */
	BINDING_REQUEST(LimeObservationDocumentation.BINDING_REQUEST),

	/** Fetches the JWKS that passports are verified with. */
	JWKS_FETCH(LimeObservationDocumentation.JWKS_FETCH);

	private final LimeObservationDocumentation documentation;

	LimeApiOperation(LimeObservationDocumentation documentation) {
		this.documentation = documentation;
	}

	/**
	 * Return the documented observation of this call.
	 * @return the observation documentation
	 */
	public LimeObservationDocumentation getDocumentation() {
		return this.documentation;
	}

}
