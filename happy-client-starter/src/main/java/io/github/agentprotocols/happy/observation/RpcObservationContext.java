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

package io.github.agentprotocols.happy.observation;

/**
 * The context of an RPC: a method registered by a daemon ({@code <machine id>:<name>}) or
 * an agent ({@code <session id>:<name>}). The socket's wire has no place for trace
 * headers, so the trace ends at the client.
 */
public class RpcObservationContext extends OutcomeObservationContext {

	private final String method;

	/**
	 * Create a context.
	 * @param method the method, {@code <scope>:<name>}
	 */
	public RpcObservationContext(String method) {
		this.method = method;
	}

	/**
	 * The method's name without its scope.
	 * @return the name, e.g. {@code spawn-happy-session}
	 */
	public String getMethodName() {
		return this.method.substring(this.method.indexOf(':') + 1);
	}

	/**
	 * The method's scope.
	 * @return the machine id or session id the method is registered for
	 */
	public String getScope() {
		int colon = this.method.indexOf(':');
		return (colon >= 0) ? this.method.substring(0, colon) : "";
	}

}
