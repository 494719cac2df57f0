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

package io.github.agentprotocols.happy.autoconfigure;

import java.io.IOException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Base64;
import java.util.Map;

import io.github.agentprotocols.commons.autoconfigure.AgentProtocolsAutoConfiguration;
import io.github.agentprotocols.happy.InsecureServerUrlException;
import io.github.agentprotocols.happy.ReactiveHappyClient;
import io.github.agentprotocols.happy.core.HappyKeyFilePermissionsException;
import io.github.agentprotocols.testsupport.FailureAnalyses;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.diagnostics.FailureAnalysis;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.env.StandardEnvironment;
import org.springframework.core.env.SystemEnvironmentPropertySource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * What the starter refuses at start-up, with a failure analysis naming the fix: a key
 * file that its group or others may read or write, and a plain {@code http://} server URL
 * to a host that is not a loopback address unless {@code happy.allow-insecure-http}
 * allows it, a credential left an unresolved placeholder, and a secret that is not base64
 * of 32 bytes.
 */
class HappyStartUpChecksTests {

	private static final String SECRET = Base64.getEncoder().encodeToString(new byte[32]);

	private static final String KEY_FILE = "{\"token\":\"file-token\",\"secret\":\"" + SECRET + "\"}";

	private final ApplicationContextRunner runner = new ApplicationContextRunner()
		.withConfiguration(AutoConfigurations.of(AgentProtocolsAutoConfiguration.class, HappyAutoConfiguration.class))
		.withPropertyValues("happy.home-dir=" + HappyAutoConfigurationTests.NO_HOME);

	@Test
	void keyFileOthersMayReadFailsTheStartUpNamingTheFix(@TempDir Path dir) throws IOException {
		Path keyFile = sharedKeyFile(dir, "rw-r--r--");
		this.runner.withPropertyValues("happy.credentials-path=" + keyFile).run((context) -> {
			assertThat(context).hasFailed();
			assertThat(context.getStartupFailure()).rootCause().isInstanceOf(HappyKeyFilePermissionsException.class);
			FailureAnalysis analysis = FailureAnalyses.of(context.getStartupFailure());
			assertThat(analysis).isNotNull();
			assertThat(analysis.getDescription()).contains(keyFile.toString(), "rw-r--r--");
			assertThat(analysis.getAction()).contains("chmod 600 " + keyFile);
		});
	}

	@Test
	void defaultKeyFileGroupMayReadFailsTheStartUp(@TempDir Path home) throws IOException {
		Path keyFile = sharedKeyFile(home, "rw-r-----");
		this.runner.withPropertyValues("happy.home-dir=" + home)
			.run((context) -> assertThat(FailureAnalyses.of(context.getStartupFailure()).getAction())
				.contains("chmod 600 " + keyFile));
	}

	@Test
	void keyFileOnlyItsOwnerMayReadGivesTheClient(@TempDir Path dir) throws IOException {
		Path keyFile = ownerOnly(Files.writeString(dir.resolve("agent.key"), KEY_FILE));
		this.runner.withPropertyValues("happy.credentials-path=" + keyFile)
			.run((context) -> assertThat(context).hasSingleBean(ReactiveHappyClient.class));
	}

	@Test
	void plainHttpToAHostThatIsNotLoopbackFailsTheStartUpNamingTheProperty() {
		this.runner
			.withPropertyValues("happy.server-url=http://happy.example.com:3005", "happy.token=t",
					"happy.secret=" + SECRET)
			.run((context) -> {
				assertThat(context).hasFailed();
				assertThat(context.getStartupFailure()).rootCause()
					.isInstanceOfSatisfying(InsecureServerUrlException.class,
							(ex) -> assertThat(ex.getServerUrl()).isEqualTo("http://happy.example.com:3005"));
				FailureAnalysis analysis = FailureAnalyses.of(context.getStartupFailure());
				assertThat(analysis).isNotNull();
				assertThat(analysis.getDescription()).contains("http://happy.example.com:3005");
				assertThat(analysis.getAction()).contains("happy.allow-insecure-http", "HAPPY_ALLOW_INSECURE_HTTP",
						"happy.server-url");
			});
	}

	@Test
	void allowInsecureHttpAcceptsPlainHttpToAnyHost() {
		this.runner
			.withPropertyValues("happy.server-url=http://happy.example.com:3005", "happy.token=t",
					"happy.secret=" + SECRET, "happy.allow-insecure-http=true")
			.run((context) -> assertThat(context).hasSingleBean(ReactiveHappyClient.class));
	}

	@Test
	void environmentVariablesAllowInsecureHttpToo() {
		Map<String, Object> env = Map.of("HAPPY_SERVER_URL", "http://10.1.2.3:3005", "HAPPY_TOKEN", "t", "HAPPY_SECRET",
				SECRET, "HAPPY_ALLOW_INSECURE_HTTP", "true");
		this.runner
			.withInitializer((context) -> context.getEnvironment()
				.getPropertySources()
				.addFirst(new SystemEnvironmentPropertySource(
						StandardEnvironment.SYSTEM_ENVIRONMENT_PROPERTY_SOURCE_NAME, env)))
			.run((context) -> assertThat(context.getBean(ReactiveHappyClient.class).serverUrl())
				.isEqualTo("http://10.1.2.3:3005"));
	}

	@Test
	void plainHttpOnLoopbackAndHttpsAnywhereStartAsBefore() {
		for (String url : new String[] { "http://localhost:3005", "http://127.0.0.1:1", "http://[::1]:3005",
				"https://happy.example.com" }) {
			this.runner.withPropertyValues("happy.server-url=" + url, "happy.token=t", "happy.secret=" + SECRET)
				.run((context) -> assertThat(context).as(url).hasSingleBean(ReactiveHappyClient.class));
		}
	}

	@Test
	void tokenAndSecretLeftUnresolvedPlaceholdersFailTheStartUpNamingTheVariable() {
		this.runner.withInitializer(HappyStartUpChecksTests::withoutEnvironmentVariables)
			.withPropertyValues("happy.token=${HAPPY_TOKEN}", "happy.secret=${HAPPY_SECRET}")
			.run((context) -> {
				assertThat(context).hasFailed();
				FailureAnalysis analysis = FailureAnalyses.of(context.getStartupFailure());
				assertThat(analysis).isNotNull();
				assertThat(analysis.getDescription()).contains("'happy.token' is set to '${HAPPY_TOKEN}'",
						"not resolved");
				assertThat(analysis.getAction()).contains("environment variable HAPPY_TOKEN", "'happy.token'");
			});
	}

	@Test
	void secretLeftAnUnresolvedPlaceholderFailsTheStartUpNamingTheVariable() {
		this.runner.withInitializer(HappyStartUpChecksTests::withoutEnvironmentVariables)
			.withPropertyValues("happy.token=t", "happy.secret=${HAPPY_SECRET}")
			.run((context) -> {
				FailureAnalysis analysis = FailureAnalyses.of(context.getStartupFailure());
				assertThat(analysis).isNotNull();
				assertThat(analysis.getDescription()).contains("'happy.secret' is set to '${HAPPY_SECRET}'");
				assertThat(analysis.getAction()).contains("environment variable HAPPY_SECRET", "'happy.secret'");
			});
	}

	@Test
	void serverUrlLeftAnUnresolvedPlaceholderFailsTheStartUpNamingTheVariable() {
		this.runner.withInitializer(HappyStartUpChecksTests::withoutEnvironmentVariables)
			.withPropertyValues("happy.server-url=${HAPPY_SERVER_URL}", "happy.token=t", "happy.secret=" + SECRET)
			.run((context) -> {
				FailureAnalysis analysis = FailureAnalyses.of(context.getStartupFailure());
				assertThat(analysis).isNotNull();
				assertThat(analysis.getDescription()).contains("'happy.server-url' is set to '${HAPPY_SERVER_URL}'");
				assertThat(analysis.getAction()).contains("environment variable HAPPY_SERVER_URL");
			});
	}

	@Test
	void credentialsPathLeftAnUnresolvedPlaceholderFailsTheStartUpNamingTheVariable() {
		this.runner.withInitializer(HappyStartUpChecksTests::withoutEnvironmentVariables)
			.withPropertyValues("happy.credentials-path=${HAPPY_KEY_FILE}")
			.run((context) -> {
				FailureAnalysis analysis = FailureAnalyses.of(context.getStartupFailure());
				assertThat(analysis).isNotNull();
				assertThat(analysis.getDescription())
					.contains("'happy.credentials-path' is set to '${HAPPY_KEY_FILE}'");
				assertThat(analysis.getAction()).contains("environment variable HAPPY_KEY_FILE");
			});
	}

	@Test
	void secretThatIsNotBase64FailsTheStartUpNamingThePropertyAndTheVariable() {
		this.runner.withPropertyValues("happy.token=t", "happy.secret=not*base64").run((context) -> {
			assertThat(context).hasFailed();
			FailureAnalysis analysis = FailureAnalyses.of(context.getStartupFailure());
			assertThat(analysis).isNotNull();
			assertThat(analysis.getDescription()).contains("'happy.secret'", "not valid base64")
				.doesNotContain("not*base64");
			assertThat(analysis.getAction()).contains("'happy.secret'", "HAPPY_SECRET", "32");
		});
	}

	@Test
	void secretOfTheWrongLengthFailsTheStartUpNamingThePropertyAndTheVariable() {
		String shortSecret = Base64.getEncoder().encodeToString(new byte[16]);
		this.runner.withPropertyValues("happy.token=t", "happy.secret=" + shortSecret).run((context) -> {
			FailureAnalysis analysis = FailureAnalyses.of(context.getStartupFailure());
			assertThat(analysis).isNotNull();
			assertThat(analysis.getDescription()).contains("'happy.secret'", "16 bytes");
			assertThat(analysis.getAction()).contains("HAPPY_SECRET");
		});
	}

	@Test
	void masterSecretThatIsNotBase64FailsTheStartUpNamingThePropertyAndTheVariable() {
		this.runner.withPropertyValues("happy.secret=not*base64", "happy.obtain-token=true").run((context) -> {
			FailureAnalysis analysis = FailureAnalyses.of(context.getStartupFailure());
			assertThat(analysis).isNotNull();
			assertThat(analysis.getDescription()).contains("'happy.secret'", "not valid base64");
			assertThat(analysis.getAction()).contains("HAPPY_SECRET");
		});
	}

	/**
	 * Removes the process's environment variables, so that none resolves a placeholder.
	 */
	private static void withoutEnvironmentVariables(ConfigurableApplicationContext context) {
		context.getEnvironment()
			.getPropertySources()
			.remove(StandardEnvironment.SYSTEM_ENVIRONMENT_PROPERTY_SOURCE_NAME);
	}

	/**
	 * Restricts a file to its owner where the file system has POSIX permissions.
	 * @param file the file
	 * @return the file
	 * @throws IOException if the permissions cannot be set
	 */
	static Path ownerOnly(Path file) throws IOException {
		if (file.getFileSystem().supportedFileAttributeViews().contains("posix")) {
			Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
		}
		return file;
	}

	/**
	 * Writes {@code agent.key} with the given permissions, on a file system that has
	 * them.
	 */
	private static Path sharedKeyFile(Path dir, String permissions) throws IOException {
		assumeTrue(FileSystems.getDefault().supportedFileAttributeViews().contains("posix"),
				"a file system with POSIX permissions");
		Path keyFile = Files.writeString(dir.resolve("agent.key"), KEY_FILE);
		Files.setPosixFilePermissions(keyFile, PosixFilePermissions.fromString(permissions));
		return keyFile;
	}

}
