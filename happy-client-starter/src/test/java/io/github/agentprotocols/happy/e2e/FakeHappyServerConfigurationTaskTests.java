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

package io.github.agentprotocols.happy.e2e;

import io.github.agentprotocols.happy.HappyClient;
import io.github.agentprotocols.happy.Machine;
import io.github.agentprotocols.happy.Message;
import io.github.agentprotocols.happy.test.FakeHappyDaemon;
import io.github.agentprotocols.happy.test.context.FakeHappyServerConfiguration;
import org.junit.jupiter.api.Test;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.context.ConfigurableApplicationContext;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A task run in an application run locally as {@code ./mvnw spring-boot:test-run} runs
 * it: {@code SpringApplication.from(…).with(FakeHappyServerConfiguration.class)}, the
 * credentials left to unset environment variables.
 */
class FakeHappyServerConfigurationTaskTests {

	@Test
	void taskRunsOnTheFakeDaemonWithNoCredentialsConfigured() {
		try (ConfigurableApplicationContext context = SpringApplication.from(TaskApplication::main)
			.with(FakeHappyServerConfiguration.class)
			.run("--spring.main.web-application-type=none", "--happy.token=${HAPPY_TEST_UNSET_TOKEN}",
					"--happy.secret=${HAPPY_TEST_UNSET_SECRET}")
			.getApplicationContext()) {
			HappyClient happy = context.getBean(HappyClient.class);
			String machineId = context.getBean(FakeHappyDaemon.class).machineId();
			assertThat(happy.listMachines()).extracting(Machine::id).containsExactly(machineId);
			String sessionId = happy.runTask(machineId, "/work", "Hello");
			// the fake agent's turn echoes the prompt
			assertThat(happy.getMessages(sessionId)).extracting(Message::role).contains("user", "session");
			assertThat(happy.getMessages(sessionId)).extracting((message) -> message.content().toString())
				.anySatisfy((content) -> assertThat(content).contains("Echo: Hello"));
		}
	}

	@SpringBootConfiguration(proxyBeanMethods = false)
	@EnableAutoConfiguration
	static class TaskApplication {

		static void main(String[] args) {
			SpringApplication.run(TaskApplication.class, args);
		}

	}

}
