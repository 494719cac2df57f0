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

import io.github.agentprotocols.lime.connection.LimeConnectionDetails;
import io.github.agentprotocols.lime.test.FakeLimeApi;
import io.github.agentprotocols.lime.test.LimeAgent;
import io.github.agentprotocols.lime.test.LimeAgent.LimeAgentException;
import io.github.agentprotocols.lime.test.LoginRequestStatus;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * {@link FakeLimeApiConfiguration}: a fake as a bean, the connection details pointing at
 * it, its agent at hand, a log line saying it is a fake.
 */
@ExtendWith(OutputCaptureExtension.class)
class FakeLimeApiConfigurationTests {

	private final ApplicationContextRunner runner = new ApplicationContextRunner()
		.withUserConfiguration(FakeLimeApiConfiguration.class);

	@Test
	void connectionDetailsPointAtTheFakeAndItsAgentIsABean(CapturedOutput output) {
		this.runner.run((context) -> {
			FakeLimeApi fake = context.getBean(FakeLimeApi.class);
			LimeConnectionDetails connection = context.getBean(LimeConnectionDetails.class);
			assertThat(connection.getApiBase()).isEqualTo(fake.baseUrl());
			assertThat(connection.getSiteToken()).isEqualTo(fake.siteToken());
			String requestId = fake.createLoginRequestDirectly();
			context.getBean(LimeAgent.class).approve(requestId);
			assertThat(fake.status(requestId)).isEqualTo(LoginRequestStatus.APPROVED);
			assertThat(output).contains("LIME runs locally: a fake LIME API of lime-site-test at " + fake.baseUrl())
				.contains("not LIME (no account, no site token)");
		});
	}

	@Test
	void fakeClosesWithTheContext() {
		FakeLimeApi[] fake = new FakeLimeApi[1];
		LimeAgent[] agent = new LimeAgent[1];
		this.runner.run((context) -> {
			fake[0] = context.getBean(FakeLimeApi.class);
			agent[0] = context.getBean(LimeAgent.class);
		});
		String requestId = fake[0].createLoginRequestDirectly();
		assertThatExceptionOfType(LimeAgentException.class).isThrownBy(() -> agent[0].challenge(requestId))
			.satisfies((ex) -> assertThat(ex.getHttpStatus()).isZero());
	}

}
