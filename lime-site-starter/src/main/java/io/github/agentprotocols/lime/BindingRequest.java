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
