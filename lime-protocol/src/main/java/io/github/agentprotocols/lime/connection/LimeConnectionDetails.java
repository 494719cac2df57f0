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

package io.github.agentprotocols.lime.connection;

import org.springframework.boot.autoconfigure.service.connection.ConnectionDetails;

/**
 * Where the site reaches LIME and how it authenticates: the API base and the site token.
 * The LIME site starter reads the bean of this type when the application (or a test kit,
 * such as the fake LIME API of {@code lime-site-test}) defines one, and otherwise builds
 * one from {@code lime.site.api-base} and {@code lime.site.token}.
 */
public interface LimeConnectionDetails extends ConnectionDetails {

	/**
	 * The LIME API base, including {@code /api/v1}.
	 * @return the API base
	 */
	String getApiBase();

	/**
	 * The site token, sent as {@code X-Site-Token}.
	 * @return the site token; blank when none is configured
	 */
	String getSiteToken();

	/**
	 * Connection details with fixed values.
	 * @param apiBase the LIME API base, including {@code /api/v1}
	 * @param siteToken the site token
	 * @return the connection details
	 */
	static LimeConnectionDetails of(String apiBase, String siteToken) {
		return new LimeConnectionDetails() {

			@Override
			public String getApiBase() {
				return apiBase;
			}

			@Override
			public String getSiteToken() {
				return siteToken;
			}

			@Override
			public String toString() {
				return "LimeConnectionDetails[" + apiBase + "]";
			}

		};
	}

}
