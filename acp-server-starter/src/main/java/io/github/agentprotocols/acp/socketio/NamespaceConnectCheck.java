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

package io.github.agentprotocols.acp.socketio;

import io.github.agentprotocols.acp.Identity;
import io.github.agentprotocols.acp.TenantScope;

/**
 * The namespace check of a Socket.IO connect (spec §5.2 step 3, §5.3), made after the
 * caller was authenticated. Without one, only the namespace {@code /} is served and a
 * connect to any other is refused as the Node.js server refuses an unknown namespace
 * ({@code {"message": "Invalid namespace"}}); with one (namespace mode), a connect to any
 * namespace path is checked and, once it passes, the namespace is created if it does not
 * exist yet. The tenant it returns is kept with the socket's identity and bounds every
 * thread operation of the socket to its namespace (spec §5.2 step 4).
 */
@FunctionalInterface
public interface NamespaceConnectCheck {

	/**
	 * Checks that an identity may connect to a namespace.
	 * @param namespacePath the namespace's path, {@code /} for the main namespace
	 * @param identity the authenticated caller
	 * @return the tenant the namespace names, as
	 * {@link io.github.agentprotocols.acp.NamespaceKeys#checkConnect} returns it
	 * @throws io.github.agentprotocols.acp.AcpException {@code namespace_invalid} or
	 * {@code namespace_mismatch}, whose message becomes the refusal's detail
	 */
	TenantScope check(String namespacePath, Identity identity);

}
