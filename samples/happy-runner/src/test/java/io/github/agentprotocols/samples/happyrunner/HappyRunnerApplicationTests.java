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

package io.github.agentprotocols.samples.happyrunner;

import java.security.SecureRandom;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import java.util.Map;

import io.github.agentprotocols.happy.test.FakeHappyDaemon;
import io.github.agentprotocols.happy.test.FakeHappyServer;
import io.github.agentprotocols.happy.test.HappyTestAccount;
import io.github.agentprotocols.happy.test.RpcTimings;
import io.github.agentprotocols.happy.test.context.FakeHappyServerInitializer;
import io.github.agentprotocols.happy.test.AgentBehaviour;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import org.springframework.beans.factory.support.DefaultSingletonBeanRegistry;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.context.ApplicationContextInitializer;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.Ordered;
import org.springframework.core.env.MapPropertySource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The runner as a user runs it, with the {@code fake} profile: the fake server and daemon
 * in this process, its output and exit code.
 */
@ExtendWith(OutputCaptureExtension.class)
class HappyRunnerApplicationTests {

	@Test
	void fakeProfileRunsTheTaskPrintingTheTurnAsItRunsAndExitsWithZero(CapturedOutput output) {
		int exitCode = run(new SpringApplicationBuilder(HappyRunnerApplication.class).profiles("fake"));

		assertThat(exitCode).isZero();
		List<String> lines = lines(output.getOut());
		String spawned = lines.stream().filter((line) -> line.startsWith("Spawned session ")).findFirst().orElseThrow();
		String sessionId = spawned.substring("Spawned session ".length());
		assertThat(lines).containsSubsequence("Spawned session " + sessionId, "  user: Summarise this week's PRs",
				"  turn started", "  agent: Echo: Summarise this week's PRs", "  turn ended: completed",
				"Turn completed", "Stopped session " + sessionId, "Task complete: session " + sessionId);
		assertThat(lines).filteredOn((line) -> line.startsWith("  ")).hasSize(4);
		assertThat(lines).anySatisfy((line) -> assertThat(line).startsWith("Spawning a claude session on machine ")
			.endsWith(" in /home/fake/project"));
		assertThat(output.getErr()).doesNotContain("Error");
	}

	@Test
	void argumentsGiveTheTask(CapturedOutput output) {
		int exitCode = run(new SpringApplicationBuilder(HappyRunnerApplication.class).profiles("fake"),
				"--happy-runner.prompt=List the open issues", "--happy-runner.directory=/srv/repo",
				"--happy-runner.agent=codex");

		assertThat(exitCode).isZero();
		assertThat(lines(output.getOut())).containsSubsequence("  user: List the open issues",
				"  agent: Echo: List the open issues");
		assertThat(output.getOut()).contains("Spawning a codex session on machine ").contains(" in /srv/repo");
	}

	@Test
	void offlineMachineExitsWithOneAndOneErrorLine(CapturedOutput output) {
		int exitCode = run(new SpringApplicationBuilder(HappyRunnerApplication.class).profiles("fake")
			.initializers(new OfflineMachine()));

		assertThat(exitCode).isEqualTo(1);
		assertThat(errorLines(output)).singleElement()
			.asString()
			.startsWith("Error: MachineOfflineException: Machine ")
			.endsWith(" is not connected: RPC method not available");
		assertThat(output.getOut()).doesNotContain("Spawned session");
	}

	@Test
	void machineKeyCredentialsExitWithOneBeforeSpawning(CapturedOutput output) {
		int exitCode = run(new SpringApplicationBuilder(HappyRunnerApplication.class).profiles("fake")
			.initializers(new MachineKeyOnly()));

		assertThat(exitCode).isEqualTo(1);
		assertThat(errorLines(output)).singleElement()
			.asString()
			.startsWith("Error: HappyEncryptionException: ")
			.contains("machine key");
		assertThat(output.getOut()).doesNotContain("Spawned session");
	}

	@Test
	void unknownMachineExitsWithOneAndOneErrorLine(CapturedOutput output) {
		int exitCode = run(new SpringApplicationBuilder(HappyRunnerApplication.class).profiles("fake"),
				"--happy-runner.machine-id=no-such-machine");

		assertThat(exitCode).isEqualTo(1);
		assertThat(errorLines(output)).singleElement().asString().startsWith("Error: ").contains("no-such-machine");
	}

	@Test
	void missingTaskExitsWithTwoNamingTheProperties(CapturedOutput output) {
		int exitCode = run(new SpringApplicationBuilder(HappyRunnerApplication.class).profiles("fake"),
				"--happy-runner.prompt=", "--happy-runner.directory=");

		assertThat(exitCode).isEqualTo(2);
		assertThat(errorLines(output)).containsExactly(
				"Error: Missing happy-runner.directory, happy-runner.prompt (give them as --name=value arguments)");
	}

	@Test
	void missingCredentialsExitWithTwo(CapturedOutput output) {
		int exitCode = run(new SpringApplicationBuilder(HappyRunnerApplication.class),
				"--happy.home-dir=target/no-happy-home", "--happy-runner.machine-id=m", "--happy-runner.directory=/d",
				"--happy-runner.prompt=p");

		assertThat(exitCode).isEqualTo(2);
		assertThat(errorLines(output)).singleElement().asString().startsWith("Error: No Happy credentials: ");
	}

	private static int run(SpringApplicationBuilder application, String... args) {
		return SpringApplication.exit(application.run(args));
	}

	private static List<String> lines(String text) {
		return Arrays.asList(text.split("\\R"));
	}

	private static List<String> errorLines(CapturedOutput output) {
		return lines(output.getErr()).stream().filter((line) -> line.startsWith("Error")).toList();
	}

	/**
	 * Starts the fake ahead of the sample's initializer, with the server's RPC waits
	 * shortened, and takes the daemon's machine offline.
	 */
	static class OfflineMachine implements ApplicationContextInitializer<ConfigurableApplicationContext>, Ordered {

		@Override
		public void initialize(ConfigurableApplicationContext context) {
			new FakeHappyServerInitializer((server) -> server.rpcTimings(RpcTimings.shortened()), AgentBehaviour.TURNS)
				.initialize(context);
			FakeHappyServer server = context.getBeanFactory()
				.getBean(FakeHappyServerInitializer.SERVER_BEAN_NAME, FakeHappyServer.class);
			FakeHappyDaemon daemon = context.getBeanFactory()
				.getBean(FakeHappyServerInitializer.DAEMON_BEAN_NAME, FakeHappyDaemon.class);
			server.faults().machineOffline(daemon.machineId(), true);
		}

		@Override
		public int getOrder() {
			return Ordered.HIGHEST_PRECEDENCE;
		}

	}

	/**
	 * Starts the fake ahead of the sample's initializer with a second daemon, linked by a
	 * machine key as the current CLI is, and runs the task on that machine with only its
	 * machine key as the secret.
	 */
	static class MachineKeyOnly implements ApplicationContextInitializer<ConfigurableApplicationContext>, Ordered {

		@Override
		public void initialize(ConfigurableApplicationContext context) {
			new FakeHappyServerInitializer().initialize(context);
			HappyTestAccount account = context.getBeanFactory()
				.getBean(FakeHappyServerInitializer.ACCOUNT_BEAN_NAME, HappyTestAccount.class);
			byte[] machineKey = new byte[32];
			new SecureRandom().nextBytes(machineKey);
			FakeHappyDaemon linked = FakeHappyDaemon.builder(account).machineKey(machineKey).start();
			((DefaultSingletonBeanRegistry) context.getBeanFactory()).registerDisposableBean("linkedDaemon",
					linked::close);
			context.getEnvironment()
				.getPropertySources()
				.addFirst(new MapPropertySource("machineKeyOnly",
						Map.of("happy.secret", Base64.getEncoder().encodeToString(machineKey),
								"happy-runner.machine-id", linked.machineId())));
		}

		@Override
		public int getOrder() {
			return Ordered.HIGHEST_PRECEDENCE;
		}

	}

}
