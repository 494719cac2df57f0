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

/**
 * Spring Security integration: an authenticator that takes the caller's identity from the
 * authenticated principal, and the CSRF exemption of the Socket.IO transport.
 * <p>
 * API: {@link io.github.agentprotocols.acp.security.SecurityContextAuthenticator},
 * {@link io.github.agentprotocols.acp.security.AuthenticationIdentityMapper} and
 * {@link io.github.agentprotocols.acp.security.SocketIoCsrfExemption}.
 */
@NullMarked
package io.github.agentprotocols.acp.security;

import org.jspecify.annotations.NullMarked;
