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

package io.github.agentprotocols.commons.web;

import org.springframework.boot.EnvironmentPostProcessor;
import org.springframework.boot.SpringApplication;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.util.ClassUtils;

/**
 * An {@link EnvironmentPostProcessor} that turns on Reactor Netty's {@value #PROPERTY}
 * system property, so that the HTTP/1.1 server keeps reading a keep-alive connection
 * whose next request arrives before the previous request's operations have ended.
 * <p>
 * Without it, Reactor Netty 1.3 queues such a request and, when the queued request is
 * then answered at once, drains the queue without asking the connection for more: the
 * client's following request stays unread until it gives up. It can happen when a
 * response is written from a thread other than the event loop (a Redis or R2DBC store, an
 * actuator endpoint), the client sends its next request promptly, as agents do, and that
 * request is answered on the event loop.
 * <p>
 * Reactor Netty reads the property once, when its HTTP server handlers are loaded, so it
 * is set here, while the environment is prepared and before any server is created. A
 * value the application already gives, as a system property or in its environment
 * ({@code application.properties}, an environment variable), is kept.
 */
public class LastFlushWhenNoReadEnvironmentPostProcessor implements EnvironmentPostProcessor {

	/** The Reactor Netty system property this post-processor sets. */
	public static final String PROPERTY = "reactor.netty.http.server.lastFlushWhenNoRead";

	static final String REACTOR_NETTY_HTTP_SERVER = "reactor.netty.http.server.HttpServer";

	@Override
	public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
		if (System.getProperty(PROPERTY) == null
				&& ClassUtils.isPresent(REACTOR_NETTY_HTTP_SERVER, application.getClassLoader())) {
			System.setProperty(PROPERTY, environment.getProperty(PROPERTY, "true"));
		}
	}

}
