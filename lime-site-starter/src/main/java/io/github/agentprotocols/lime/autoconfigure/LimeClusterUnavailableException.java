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

package io.github.agentprotocols.lime.autoconfigure;

import io.github.agentprotocols.commons.Internal;
import io.github.agentprotocols.lime.LimeException;

/**
 * Thrown at start-up when {@code lime.store.type=redis} but the application lacks what
 * the Redis mode runs on; {@link LimeClusterUnavailableFailureAnalyzer} reports what to
 * add.
 */
@Internal
public class LimeClusterUnavailableException extends LimeException {

	/** What is missing for the store type. */
	private final Missing missing;

	/**
	 * Creates the exception.
	 * @param missing what is missing
	 */
	public LimeClusterUnavailableException(Missing missing) {
		super("lime.store.type=redis but " + missing.description);
		this.missing = missing;
	}

	/**
	 * What is missing.
	 * @return the missing piece
	 */
	public Missing getMissing() {
		return this.missing;
	}

	/**
	 * What the Redis mode can lack.
	 */
	public enum Missing {

		/**
		 * Spring Data Redis with its reactive API.
		 */
		SPRING_DATA_REDIS("Spring Data Redis reactive is not on the classpath"),

		/**
		 * Spring Integration's Redis support, for the lease.
		 */
		SPRING_INTEGRATION_REDIS("Spring Integration Redis is not on the classpath"),

		/**
		 * A connection factory bean.
		 */
		CONNECTION_FACTORY("there is no Redis connection factory bean (imperative and reactive)");

		private final String description;

		Missing(String description) {
			this.description = description;
		}

	}

}
