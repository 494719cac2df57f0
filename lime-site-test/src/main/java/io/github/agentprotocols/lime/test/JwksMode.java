package io.github.agentprotocols.lime.test;

/**
 * How the {@link FakeLimeApi} serves {@code GET /core/.well-known/jwks.json}.
 */
public enum JwksMode {

	/**
	 * Inside the LIME envelope, {@code {"ok":true,"data":{"keys":[…]}}}, as read by site
	 * SDK 1.0.1.
	 */
	ENVELOPE,

	/**
	 * As a raw RFC 7517 key set, {@code {"keys":[…]}}, as read by site SDK 1.1.0 and
	 * later.
	 */
	RAW

}
