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

package io.github.agentprotocols.appcontrol.service;

import java.time.Instant;

import org.jspecify.annotations.Nullable;

/**
 * A command submitted to the service host ({@code submit}), as the host keeps it for
 * {@code poll}.
 *
 * @param requestId the request id it was submitted under
 * @param tool the command's tool
 * @param operation the command's operation
 * @param submittedAt when it was submitted
 * @param finishedAt when it finished, {@code null} while it runs
 * @param status its observation's status as on the wire, {@code null} while it runs
 */
public record SubmittedCommand(String requestId, String tool, String operation, Instant submittedAt,
		@Nullable Instant finishedAt, @Nullable String status) {

}
