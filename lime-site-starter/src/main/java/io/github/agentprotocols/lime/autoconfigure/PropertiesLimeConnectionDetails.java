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

import java.util.Objects;

import io.github.agentprotocols.lime.connection.LimeConnectionDetails;

/**
 * The {@link LimeConnectionDetails} of {@code lime.site.api-base} and
 * {@code lime.site.token}, used when the application defines none.
 */
final class PropertiesLimeConnectionDetails implements LimeConnectionDetails {

	private final LimeProperties.Site site;

	PropertiesLimeConnectionDetails(LimeProperties properties) {
		this.site = properties.getSite();
	}

	@Override
	public String getApiBase() {
		return this.site.getApiBase();
	}

	@Override
	public String getSiteToken() {
		return Objects.requireNonNullElse(this.site.getToken(), "");
	}

}
