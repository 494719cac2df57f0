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

import java.time.Instant;

/**
 * A login request just created at LIME: its id goes to the agent worker, its approval or
 * expiry arrives on the site's event stream.
 *
 * @param requestId the login request id ({@code login_request_id}), opaque
 * @param status the request status, {@code PENDING} when created
 * @param expiresAt when the request expires unless approved
 */
public record LoginRequest(String requestId, String status, Instant expiresAt) {

}
