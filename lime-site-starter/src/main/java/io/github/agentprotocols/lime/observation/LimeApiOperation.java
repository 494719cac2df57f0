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
