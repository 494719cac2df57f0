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

/**
 * Published to the Spring application context when an agent approved a login request: the
 * event of the LIME stream for {@code @EventListener} methods, delivered after the
 * {@link LimeLoginHandler} beans and under the same rules (off the stream's reader
 * thread, in order per request id, within the handler timeout). The passport is
 * unverified: verify it with
 * {@link io.github.agentprotocols.lime.site.LimeSite#verifyPassport(String, String)} and
 * the request id before trusting it.
 *
 * @param requestId the login request id
 * @param passportJwt the agent passport JWT, as received
 */
public record LimeLoginApprovedEvent(String requestId, String passportJwt) {

}
