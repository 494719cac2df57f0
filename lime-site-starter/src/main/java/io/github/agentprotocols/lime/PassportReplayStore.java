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
 * Remembers the passports already accepted, so that each one logs in once only. Keys name
 * the passport's audience and its {@code request_id}, {@code binding_id} or {@code jti};
 * they need to be remembered until the passport could no longer verify anyway. Share one
 * store between the instances of a site.
 */
@FunctionalInterface
public interface PassportReplayStore {

	/**
	 * Mark a passport used unless it already was, atomically.
	 * @param key the passport's key
	 * @param until when the mark may be forgotten (the passport's expiry plus leeway)
	 * @return {@code true} if the key was not marked before, {@code false} for a replay
	 */
	boolean markUsed(String key, Instant until);

}
