package io.github.agentprotocols.lime;

import java.net.URI;
import java.time.Instant;

/**
 * An Agent Binding request just created at LIME. The site stores {@code bindingId} with
 * its user, then redirects the browser to {@code connectUrl}; the portal comes back to
 * the redirect URI with a binding passport.
 *
 * @param bindingId the binding id ({@code binding_id}), opaque
 * @param connectUrl the LIME portal page to send the browser to, used verbatim
 * @param status the request status, {@code PENDING} when created
 * @param expiresAt when the request expires
 */
public record BindingRequest(String bindingId, URI connectUrl, String status, Instant expiresAt) {

}
