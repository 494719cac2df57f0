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

package io.github.agentprotocols.happy.test.context;

import io.github.agentprotocols.happy.connection.HappyConnectionDetails;
import io.github.agentprotocols.happy.test.FakeHappyDaemon;
import io.github.agentprotocols.happy.test.FakeHappyServer;
import io.github.agentprotocols.happy.test.HappyTestAccount;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Configuration that runs a Spring Boot application against a {@link FakeHappyServer} on
 * this machine instead of a Happy server, with no Happy account and no secret: the
 * server, a {@link HappyTestAccount} on it and a {@link FakeHappyDaemon} of that account
 * (a machine whose agents answer each message) start as beans and close with the context,
 * and a {@link HappyConnectionDetails} bean points the Happy client starter at them
 * (whatever {@code happy.*} says). Start-up logs the server's address and the daemon's
 * machine.
 * <p>
 * Add it to a test-scope application, started by {@code ./mvnw spring-boot:test-run}:
 * <pre class="code">
 * public class TestDemoApplication {
 *
 * 	public static void main(String[] args) {
 * 		SpringApplication.from(DemoApplication::main).with(FakeHappyServerConfiguration.class).run(args);
 * 	}
 *
 * }
 * </pre> and to a {@code @SpringBootTest} with
 * {@code @Import(FakeHappyServerConfiguration.class)} to test exactly that.
 */
@Configuration(proxyBeanMethods = false)
public class FakeHappyServerConfiguration {

	private static final Log logger = LogFactory.getLog(FakeHappyServerConfiguration.class);

	@Bean(destroyMethod = "close")
	FakeHappyServer fakeHappyServer() {
		return FakeHappyServer.start();
	}

	@Bean
	HappyTestAccount fakeHappyAccount(FakeHappyServer fakeHappyServer) {
		return HappyTestAccount.issuedBy(fakeHappyServer);
	}

	@Bean(destroyMethod = "close")
	FakeHappyDaemon fakeHappyDaemon(FakeHappyServer fakeHappyServer, HappyTestAccount fakeHappyAccount) {
		FakeHappyDaemon daemon = FakeHappyDaemon.start(fakeHappyAccount);
		logger.info("Happy runs locally: a fake Happy server of happy-client-test at " + fakeHappyServer.url()
				+ " with a fake daemon, machine " + daemon.machineId()
				+ ", not Happy (no account, no secret); its agents answer each message");
		return daemon;
	}

	@Bean
	HappyConnectionDetails fakeHappyConnectionDetails(FakeHappyServer fakeHappyServer,
			HappyTestAccount fakeHappyAccount) {
		return HappyConnectionDetails.of(fakeHappyServer.url(), fakeHappyAccount.token(),
				fakeHappyAccount.secretBase64());
	}

}
