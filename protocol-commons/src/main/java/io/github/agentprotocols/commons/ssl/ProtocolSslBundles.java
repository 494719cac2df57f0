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

package io.github.agentprotocols.commons.ssl;

import java.util.List;

import org.jspecify.annotations.Nullable;

import org.springframework.boot.ssl.NoSuchSslBundleException;
import org.springframework.boot.ssl.SslBundle;
import org.springframework.boot.ssl.SslBundles;
import org.springframework.util.StringUtils;

/**
 * Looks up the SSL bundle that a starter's property names, such as
 * {@code lime.site.ssl.bundle}, among the application's {@link SslBundles}; a name that
 * no bundle has fails with a {@link NoSuchProtocolSslBundleException} that names the
 * property.
 */
public final class ProtocolSslBundles {

	private ProtocolSslBundles() {
	}

	/**
	 * Return the bundle that {@code property} names.
	 * @param bundles the application's bundles, or {@code null} when it has none
	 * @param property the property that names the bundle
	 * @param name the property's value, or {@code null} when it is not set
	 * @return the bundle, or {@code null} when the property is not set
	 * @throws NoSuchProtocolSslBundleException when no bundle has that name
	 */
	public static @Nullable SslBundle get(@Nullable SslBundles bundles, String property, @Nullable String name) {
		if (!StringUtils.hasText(name)) {
			return null;
		}
		if (bundles == null) {
			throw new NoSuchProtocolSslBundleException(property, name, List.of(), null);
		}
		try {
			return bundles.getBundle(name);
		}
		catch (NoSuchSslBundleException ex) {
			throw new NoSuchProtocolSslBundleException(property, name, bundles.getBundleNames(), ex);
		}
	}

}
