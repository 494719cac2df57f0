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

package io.github.agentprotocols.commons;

import org.springframework.context.SmartLifecycle;

/**
 * The {@link SmartLifecycle} phases the starters' background work runs in.
 */
@Internal
public final class LifecyclePhases {

	/**
	 * Background work that serves requests (paced deliveries, relays between instances,
	 * broadcasts): it stops after the web server has stopped taking requests
	 * ({@code DEFAULT_PHASE - 2048}) and before the connection factories it uses stop
	 * (phase 0), and starts in the reverse order.
	 */
	public static final int BACKGROUND_WORK = SmartLifecycle.DEFAULT_PHASE - 4096;

	private LifecyclePhases() {
	}

}
