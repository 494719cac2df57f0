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

package io.github.agentprotocols.commons.availability;

import org.jspecify.annotations.Nullable;

/**
 * What a starter says of whether this instance should take traffic: a reason to refuse it
 * (its cluster relay deaf, its stream rejected), or {@code null} when it may. Read often,
 * so it answers from memory, never waiting.
 */
@FunctionalInterface
public interface ReadinessCheck {

	/**
	 * Why this instance should refuse traffic now, if it should.
	 * @return the reason, or {@code null} when traffic is welcome
	 */
	@Nullable String refusal();

}
