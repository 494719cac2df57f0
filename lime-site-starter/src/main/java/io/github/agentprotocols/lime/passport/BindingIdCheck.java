package io.github.agentprotocols.lime.passport;

/**
 * How a binding passport's {@code binding_id} is checked when the caller passes no
 * expected binding id. LIME versions disagree: 2.0.0 verifies the claim's presence only
 * and leaves matching it to the application, 1.2.0 required the expected value.
 */
public enum BindingIdCheck {

	/**
	 * A non-blank {@code binding_id} claim is required; the application matches it with
	 * its pending binding (LIME 2.0.0, the default).
	 */
	PRESENT,

	/**
	 * The caller must pass the binding id it expects, and the claim must equal it (LIME
	 * 1.2.0).
	 */
	EXPECTED

}
