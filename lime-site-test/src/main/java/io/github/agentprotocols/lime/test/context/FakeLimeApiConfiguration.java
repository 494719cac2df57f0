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

package io.github.agentprotocols.lime.test.context;

import java.time.Duration;

import io.github.agentprotocols.lime.connection.LimeConnectionDetails;
import io.github.agentprotocols.lime.test.FakeLimeApi;
import io.github.agentprotocols.lime.test.LimeAgent;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Configuration that runs a Spring Boot application against a {@link FakeLimeApi} on this
 * machine instead of LIME, with no LIME account and no site token: the fake starts as a
 * bean and closes with the context, a {@link LimeConnectionDetails} bean points the LIME
 * site starter at it (whatever {@code lime.site.*} says), and the fake's agent approves
 * each login request {@link #AGENT_APPROVAL one second} after it was created, so that the
 * application's handlers receive a passport. It also offers a {@link LimeAgent} bean.
 * Start-up logs the fake's address and agent.
 * <p>
 * Add it to a test-scope application, started by {@code ./mvnw spring-boot:test-run}:
 * <pre class="code">
 * public class TestDemoApplication {
 *
 * 	public static void main(String[] args) {
 * 		SpringApplication.from(DemoApplication::main).with(FakeLimeApiConfiguration.class).run(args);
 * 	}
 *
 * }
 * </pre> and to a {@code @SpringBootTest} with
 * {@code @Import(FakeLimeApiConfiguration.class)} to test exactly that.
 */
@Configuration(proxyBeanMethods = false)
public class FakeLimeApiConfiguration {

	/** How long after its creation the fake's agent approves a login request. */
	public static final Duration AGENT_APPROVAL = Duration.ofSeconds(1);

	private static final Log logger = LogFactory.getLog(FakeLimeApiConfiguration.class);

	@Bean(destroyMethod = "close")
	FakeLimeApi fakeLimeApi() {
		FakeLimeApi fake = FakeLimeApi.builder().agentApproval(AGENT_APPROVAL).start();
		logger.info("LIME runs locally: a fake LIME API of lime-site-test at " + fake.baseUrl()
				+ ", not LIME (no account, no site token); its agent " + fake.agentId()
				+ " approves each login request " + AGENT_APPROVAL.toSeconds() + " s after it is created");
		return fake;
	}

	@Bean
	LimeConnectionDetails fakeLimeApiConnectionDetails(FakeLimeApi fakeLimeApi) {
		return LimeConnectionDetails.of(fakeLimeApi.baseUrl(), fakeLimeApi.siteToken());
	}

	@Bean
	LimeAgent fakeLimeAgent(FakeLimeApi fakeLimeApi) {
		return fakeLimeApi.agent();
	}

}
