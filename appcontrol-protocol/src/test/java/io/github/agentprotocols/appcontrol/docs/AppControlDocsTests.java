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

package io.github.agentprotocols.appcontrol.docs;

import java.nio.file.Path;
import java.util.List;

import io.github.agentprotocols.appcontrol.ServiceRequest;
import io.github.agentprotocols.appcontrol.ToolCommand;
import io.github.agentprotocols.appcontrol.ToolObservation;
import io.github.agentprotocols.appcontrol.ToolStatus;
import io.github.agentprotocols.appcontrol.autoconfigure.AppControlAutoConfiguration;
import io.github.agentprotocols.appcontrol.service.AppControlServiceHost;
import io.github.agentprotocols.testsupport.CodeSnippets;
import io.micrometer.observation.ObservationRegistry;
import io.micrometer.observation.tck.TestObservationRegistry;
import io.micrometer.observation.tck.TestObservationRegistryAssert;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every Java block of docs/reference/appcontrol.md and of the app-control how-to guides
 * is a copy of a tagged region of this package's sources, which compile, and the examples
 * do what the pages say.
 */
class AppControlDocsTests {

	private static final List<Path> PAGES = List.of(Path.of("../docs/reference/appcontrol.md"),
			Path.of("../docs/how-to/expose-app-control-commands-from-a-spring-application.md"),
			Path.of("../docs/how-to/run-the-app-control-service-host-on-a-unix-socket.md"),
			Path.of("../docs/how-to/validate-app-control-payloads-in-your-own-code.md"),
			Path.of("../docs/how-to/call-a-remote-app-control-host-over-https.md"));

	@Test
	void everyJavaBlockOfThePagesIsACopyOfACompiledSource() {
		assertThat(PAGES).allSatisfy((page) -> assertThat(CodeSnippets.disagreements(page, Path.of(""))).isEmpty());
	}

	@Test
	void invalidCommandTextIsReportedWithItsPointerAndKeyword() {
		assertThat(ValidatePayloads.check("""
				{"schema": "app_control.command.v1", "tool": "macos.computer_use", "operation": "readiness",
				 "input": {}}""")).isEqualTo("/commandId required");
		assertThat(ValidatePayloads.check("""
				{"schema": "app_control.command.v1", "commandId": "cmd_1", "tool": "macos.computer_use",
				 "operation": "readiness", "input": {}}""")).isEqualTo("accepted cmd_1");
		assertThat(ValidatePayloads.check("""
				{"schema": "app_control.command.v1", "commandId": "cmd_1", "tool": "macos.computer_use",
				 "operation": "readiness", "input": {}, "timeoutMs": 1000.0}""")).isEqualTo("/timeoutMs type");
		assertThat(ValidatePayloads.check("""
				{"schema": "app_control.command.v1", "commandId": "cmd_1", "tool": "macos.computer_use",
				 "tool": "macos.computer_use", "operation": "readiness", "input": {}}""")).isEqualTo("/tool syntax");
	}

	@Test
	void quickStartRunsACommandOnAHostServedWithoutSpring(@TempDir Path directory) {
		Path socket = directory.resolve("service.sock");
		try (LocalServiceHost host = new LocalServiceHost(new DesktopToolConfiguration().desktopTool(), socket)) {
			ToolObservation observation = QuickStart.openTextEdit(socket);
			assertThat(observation.status()).isEqualTo(ToolStatus.OK);
			assertThat(observation.summary()).isEqualTo("Done: open_app");
		}
	}

	@Test
	void conventionBeanReplacesTheDefaultOfTheHostsCommandObservations(@TempDir Path directory) {
		TestObservationRegistry registry = TestObservationRegistry.create();
		new ApplicationContextRunner().withConfiguration(AutoConfigurations.of(AppControlAutoConfiguration.class))
			.withUserConfiguration(DesktopToolConfiguration.class, ToolTaggedCommands.class)
			.withBean(ObservationRegistry.class, () -> registry)
			.withPropertyValues("app-control.service.enabled=true", "app-control.service.token=local-service-token",
					"app-control.service.socket-path=" + directory.resolve("service.sock"))
			.run((context) -> context.getBean(AppControlServiceHost.class)
				.run(ServiceRequest.run(new ToolCommand("cmd_1", "macos.computer_use", "open_app"),
						"local-service-token"))
				.block());
		TestObservationRegistryAssert.assertThat(registry)
			.hasObservationWithNameEqualTo("appcontrol.service.command")
			.that()
			.hasLowCardinalityKeyValue("appcontrol.tool", "macos.computer_use")
			.hasLowCardinalityKeyValue("appcontrol.command.status", "ok");
	}

	@Test
	void springApplicationRunsCommandsOnItsClientBean() {
		new ApplicationContextRunner().withConfiguration(AutoConfigurations.of(AppControlAutoConfiguration.class))
			.withUserConfiguration(DesktopToolConfiguration.class, DesktopCommands.class)
			.run((context) -> assertThat(context.getBean(DesktopCommands.class).openApp("TextEdit").status())
				.isEqualTo(ToolStatus.OK));
	}

}
