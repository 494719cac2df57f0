package io.github.agentprotocols.happy;

/**
 * How an RPC ended when the server acknowledged it (spec §6.1).
 * <p>
 * Internal: not API, may change in any release (public for the benchmarks).
 */
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
