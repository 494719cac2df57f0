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

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.time.Clock;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;

import io.github.agentprotocols.acp.ThreadStore;
import io.github.agentprotocols.acp.memory.InMemoryThreadStore;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The REST API on the in-memory store.
 */
@SpringBootTest(classes = { AcpRestTestApplication.class, InMemoryAcpRestTests.FreshStore.class },
		webEnvironment = WebEnvironment.RANDOM_PORT,
		properties = "spring.autoconfigure.exclude=org.springframework.boot.r2dbc.autoconfigure.R2dbcAutoConfiguration")
class InMemoryAcpRestTests extends AcpRestContractTests {

	@Autowired
	FreshStore freshStore;

	@Override
	protected void resetStore() {
		this.freshStore.reset();
	}

	@Override
	protected List<String> storeProperties() {
		return List
			.of("spring.autoconfigure.exclude=org.springframework.boot.r2dbc.autoconfigure.R2dbcAutoConfiguration");
	}

	/**
	 * An in-memory store replaced by an empty one before each test.
	 */
	@Configuration(proxyBeanMethods = false)
	static class FreshStore {

		private final AtomicReference<InMemoryThreadStore> current = new AtomicReference<>(
				new InMemoryThreadStore(Clock.systemUTC()));

		@Bean
		ThreadStore acpThreadStore() {
			return (ThreadStore) Proxy.newProxyInstance(getClass().getClassLoader(),
					new Class<?>[] { ThreadStore.class }, (proxy, method, args) -> {
						if (method.getDeclaringClass() == Object.class) {
							return method.invoke(this, args);
						}
						try {
							return method.invoke(this.current.get(), args);
						}
						catch (InvocationTargetException ex) {
							throw ex.getCause();
						}
					});
		}

		void reset() {
			this.current.set(new InMemoryThreadStore(Clock.systemUTC()));
		}

	}

}
