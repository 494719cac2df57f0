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

package io.github.agentprotocols.commons.http;

import java.time.Duration;

import io.github.agentprotocols.commons.Internal;
import org.jspecify.annotations.Nullable;

import org.springframework.beans.factory.BeanFactory;
import org.springframework.boot.http.client.HttpClientSettings;
import org.springframework.boot.ssl.SslBundle;
import org.springframework.util.ClassUtils;

/**
 * What Spring Boot's HTTP client settings ({@code spring.http.clients.*}) say of the
 * connect and read timeouts and the SSL bundle, for a starter's client that Boot does not
 * build (a JDK {@code HttpClient}, OkHttp): the starter's own property wins when set,
 * then these, then the starter's default.
 *
 * @param connectTimeout Boot's connect timeout, if set
 * @param readTimeout Boot's read timeout, if set
 * @param sslBundle Boot's SSL bundle, if set
 */
@Internal
public record HttpClientDefaults(@Nullable Duration connectTimeout, @Nullable Duration readTimeout,
		@Nullable SslBundle sslBundle) {

	/** No settings: an application without Boot's HTTP client module. */
	public static final HttpClientDefaults NONE = new HttpClientDefaults(null, null, null);

	private static final String SETTINGS = "org.springframework.boot.http.client.HttpClientSettings";

	/**
	 * The settings of the application's {@link HttpClientSettings} bean, which Boot
	 * configures from {@code spring.http.clients.*} when {@code spring-boot-http-client}
	 * is on the class path.
	 * @param beanFactory the application's bean factory
	 * @return the settings, or {@link #NONE}
	 */
	public static HttpClientDefaults of(BeanFactory beanFactory) {
		return ClassUtils.isPresent(SETTINGS, HttpClientDefaults.class.getClassLoader())
				? BootSettings.read(beanFactory) : NONE;
	}

	/**
	 * The first of a starter's own value, Boot's, and the starter's default.
	 * @param <T> the type of the value
	 * @param own the starter's property, or {@code null} when it is not set
	 * @param boot Boot's setting, or {@code null} when it is not set
	 * @param fallback the starter's default
	 * @return the value to use
	 */
	public static <T> T first(@Nullable T own, @Nullable T boot, T fallback) {
		if (own != null) {
			return own;
		}
		return (boot != null) ? boot : fallback;
	}

	/**
	 * Reads the bean; a class of its own so that {@link HttpClientSettings} is loaded
	 * only when it is on the class path.
	 */
	private static final class BootSettings {

		static HttpClientDefaults read(BeanFactory beanFactory) {
			HttpClientSettings settings = beanFactory.getBeanProvider(HttpClientSettings.class).getIfAvailable();
			return (settings != null)
					? new HttpClientDefaults(settings.connectTimeout(), settings.readTimeout(), settings.sslBundle())
					: NONE;
		}

	}

}
