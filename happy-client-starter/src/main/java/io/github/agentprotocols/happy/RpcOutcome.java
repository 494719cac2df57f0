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

package io.github.agentprotocols.happy;

import io.github.agentprotocols.commons.Internal;

/**
 * How an RPC ended when the server acknowledged it (spec §6.1).
 * <p>
 * Internal: not API, may change in any release (public for the benchmarks).
 */
@Internal
public sealed interface RpcOutcome {

	/** The server's error when nobody registered the method (the target is offline). */
	String METHOD_NOT_AVAILABLE = "RPC method not available";

	/** The server's error when the target left during the call. */
	String TARGET_DISCONNECTED = "RPC target disconnected";

	/** The server's error when the target did not answer within 30 s. */
	String TIMED_OUT = "operation has timed out";

	/**
	 * The target answered.
	 *
	 * @param result the decrypted result (a JSON value)
	 */
	record Answered(Object result) implements RpcOutcome {

	}

	/**
	 * The server answered {@code ok:false}.
	 *
	 * @param error the server's error text
	 */
	record Refused(String error) implements RpcOutcome {

		/**
		 * Whether the error says the target is not connected.
		 * @return true for {@value #METHOD_NOT_AVAILABLE} and
		 * {@value #TARGET_DISCONNECTED}
		 */
		public boolean targetOffline() {
			return METHOD_NOT_AVAILABLE.equals(this.error) || TARGET_DISCONNECTED.equals(this.error);
		}

	}

}
