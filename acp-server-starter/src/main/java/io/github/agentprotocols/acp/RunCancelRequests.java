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

package io.github.agentprotocols.acp;

import reactor.core.publisher.Flux;

/**
 * A capability of a {@link ThreadStore} shared by several application instances: it tells
 * of cancellation requests as they are recorded by any instance (spec §6.6; in PostgreSQL
 * the {@code NOTIFY} of {@link ThreadStore#requestCancel}), so the instance executing the
 * run cancels it at once instead of at its next poll.
 */
public interface RunCancelRequests {

	/**
	 * The ids of runs whose cancellation is requested from now on, by any instance.
	 * @return an endless stream, cold: each subscription listens anew
	 */
	Flux<String> runCancelRequests();

}
