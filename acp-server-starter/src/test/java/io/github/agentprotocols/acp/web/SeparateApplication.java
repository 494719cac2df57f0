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

package io.github.agentprotocols.acp.web;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import io.github.agentprotocols.acp.run.RunExecutor;

import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

import static org.awaitility.Awaitility.await;

/**
 * The REST tests' application started in a context of its own, for the items of spec §10
 * that need one setting changed (a 1 s run timeout, an analytics batch size of 1, an
 * executor of one slot). Closing it cancels the runs its executor still holds and stops
 * it.
 */
final class SeparateApplication implements AutoCloseable {

	private static final Duration WAIT = Duration.ofSeconds(30);

	private final ConfigurableApplicationContext context;

	private SeparateApplication(ConfigurableApplicationContext context) {
		this.context = context;
	}

	/**
	 * Starts the application on a random port.
	 * @param storeProperties the properties that choose its store
	 * @param setting the setting of its own, {@code name=value}
	 * @return the running application
	 */
	static SeparateApplication start(List<String> storeProperties, String setting) {
		List<String> properties = new ArrayList<>(storeProperties);
		properties.add("server.port=0");
		properties.add("spring.main.banner-mode=off");
		properties.add(setting);
		return new SeparateApplication(
				new SpringApplicationBuilder(AcpRestTestApplication.class).properties(properties.toArray(String[]::new))
					.run());
	}

	/**
	 * A client of its REST API.
	 * @return the client
	 */
	AcpHttp http() {
		return new AcpHttp(this.context.getEnvironment().getRequiredProperty("local.server.port", Integer.class));
	}

	/**
	 * One of its environment's properties.
	 * @param name the property's name
	 * @return its value
	 */
	String property(String name) {
		return this.context.getEnvironment().getRequiredProperty(name);
	}

	/**
	 * One of its beans.
	 * @param <T> the bean's type
	 * @param type the bean's type
	 * @return the bean
	 */
	<T> T bean(Class<T> type) {
		return this.context.getBean(type);
	}

	@Override
	public void close() {
		try {
			cancelHeldRuns(bean(RunExecutor.class));
		}
		finally {
			this.context.close();
		}
	}

	/**
	 * Cancels every run an executor holds and waits until it holds none.
	 * @param executor the executor
	 */
	static void cancelHeldRuns(RunExecutor executor) {
		executor.ownedRunIds().forEach(executor::cancelLocal);
		await().atMost(WAIT).until(() -> executor.ownedRunIds().isEmpty());
	}

}
