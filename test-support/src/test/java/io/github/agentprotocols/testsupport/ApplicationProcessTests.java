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

package io.github.agentprotocols.testsupport;

import org.junit.jupiter.api.Test;

import org.springframework.boot.SpringBootConfiguration;
import org.springframework.core.env.Environment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * Tests for {@link ApplicationProcess}.
 */
class ApplicationProcessTests {

	@Test
	void startsAnApplicationInAJvmOfItsOwnAndKillsIt() {
		try (ApplicationProcess process = ApplicationProcess.start("application-process-tests", Plain.class,
				"spring.main.banner-mode=off", "greeting=hello from the child")) {
			assertThat(process.pid()).isNotEqualTo(ProcessHandle.current().pid());
			assertThat(process.isAlive()).isTrue();
			assertThatExceptionOfType(IllegalStateException.class).isThrownBy(process::port)
				.withMessageContaining("no web server");
			process.kill();
			assertThat(process.isAlive()).isFalse();
			assertThat(ProcessHandle.of(process.pid()).filter(ProcessHandle::isAlive)).as("the child JVM is gone")
				.isEmpty();
			assertThat(process.logLines()).anyMatch((line) -> line.contains("hello from the child"))
				.last()
				.isEqualTo("ApplicationProcess ready: port=-1");
		}
	}

	@Test
	void applicationThatFailsToStartIsReportedWithItsLog() {
		assertThatExceptionOfType(AssertionError.class)
			.isThrownBy(() -> ApplicationProcess.start("application-process-tests-failing", Failing.class,
					"spring.main.banner-mode=off"))
			.withMessageContaining("did not start")
			.withMessageContaining("it exited with status 1")
			.withMessageContaining("no start for you");
	}

	@SpringBootConfiguration
	static class Plain {

		Plain(Environment environment) {
			System.out.println(environment.getProperty("greeting"));
		}

	}

	@SpringBootConfiguration
	static class Failing {

		Failing() {
			throw new IllegalStateException("no start for you");
		}

	}

}
