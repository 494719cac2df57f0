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

package io.github.agentprotocols.happy.autoconfigure;

import java.util.Base64;

import io.github.agentprotocols.happy.connection.HappyConnectionDetails;
import io.github.agentprotocols.happy.core.HappyCredentials;
import org.jspecify.annotations.Nullable;

import org.springframework.util.function.SingletonSupplier;

/**
 * {@link HappyConnectionDetails} of the {@code happy.*} properties, resolved once with
 * the SDK's precedence (inline, key file, default key file).
 */
final class PropertiesHappyConnectionDetails implements HappyConnectionDetails {

	private final SingletonSupplier<HappyCredentials> credentials;

	PropertiesHappyConnectionDetails(HappyProperties properties) {
		this.credentials = SingletonSupplier.of(new HappyPropertiesMapper(properties)::credentials);
	}

	@Override
	public String getServerUrl() {
		return credentials().serverUrl();
	}

	@Override
	public @Nullable String getToken() {
		return credentials().token();
	}

	@Override
	public String getSecret() {
		return Base64.getEncoder().encodeToString(credentials().secret());
	}

	/**
	 * The credentials as resolved, with what their source says of the secret.
	 * @return the credentials
	 */
	HappyCredentials credentials() {
		return this.credentials.obtain();
	}

}
