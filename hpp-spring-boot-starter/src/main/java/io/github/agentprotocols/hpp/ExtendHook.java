package io.github.agentprotocols.hpp;

import org.jspecify.annotations.Nullable;

/**
 * Called for each extension request that passed the token and range checks. It may deny
 * the extension (403 {@code extension denied by server policy}), change the number of
 * seconds, or allow it unchanged; throwing denies with 403 and the exception's message.
 * Declare beans of this type; they run in {@code @Order}, each seeing the seconds the
 * previous one decided.
 */
@FunctionalInterface
public interface ExtendHook {

	/**
	 * Decides on an extension.
	 * @param session a copy of the session
	 * @param extraSeconds the seconds requested (or set by an earlier hook)
	 * @param request the extend request
	 * @return the decision; null allows unchanged
	 */
	@Nullable ExtensionDecision onExtend(HandshakeSession session, long extraSeconds, HandshakeRequest request);

}
