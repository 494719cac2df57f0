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

/**
 * Thrown when a starter's {@code ...ssl.bundle} property names an SSL bundle that is not
 * configured under {@code spring.ssl.bundle}.
 */
public class NoSuchProtocolSslBundleException extends RuntimeException {

	/** The property that names the bundle. */
	private final String property;

	/** The bundle it names. */
	private final String bundleName;

	/** The bundles that are configured. */
	private final List<String> configuredBundles;

	/**
	 * Create a new exception.
	 * @param property the property that names the bundle, such as
	 * {@code lime.site.ssl.bundle}
	 * @param bundleName the name it gives
	 * @param configuredBundles the names of the bundles that are configured
	 * @param cause Spring Boot's failure to find the bundle, if any
	 */
	public NoSuchProtocolSslBundleException(String property, String bundleName, List<String> configuredBundles,
			@Nullable NoSuchSslBundleException cause) {
		super(property + " names '" + bundleName
				+ "', but no SSL bundle of that name is configured under spring.ssl.bundle", cause);
		this.property = property;
		this.bundleName = bundleName;
		this.configuredBundles = List.copyOf(configuredBundles);
	}

	/**
	 * Return the property that names the bundle.
	 * @return the property name
	 */
	public String getProperty() {
		return this.property;
	}

	/**
	 * Return the name of the bundle that is not configured.
	 * @return the bundle name
	 */
	public String getBundleName() {
		return this.bundleName;
	}

	/**
	 * Return the names of the bundles that are configured.
	 * @return the names, maybe none
	 */
	public List<String> getConfiguredBundles() {
		return this.configuredBundles;
	}

}
