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

package io.github.agentprotocols.appcontrol.service;

import java.net.InetAddress;

import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;

import static io.github.agentprotocols.appcontrol.service.ServiceHttp.failedEnvelope;
import static io.github.agentprotocols.appcontrol.service.ServiceHttp.run;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * With {@code app-control.service.allow-remote=true} the HTTP route answers clients on
 * any address; the token still decides.
 */
@SpringBootTest(classes = DesktopToolApplication.class, webEnvironment = WebEnvironment.RANDOM_PORT,
		properties = { "app-control.service.enabled=true", "app-control.service.token=local-service-token",
				"app-control.service.allow-remote=true" })
class AppControlServiceAllowRemoteTests {

	@LocalServerPort
	int port;

	@Autowired
	FakeDesktopTool tool;

	@Test
	void remoteClientWithTheTokenIsServed() throws Exception {
		ServiceHttp http = new ServiceHttp(this.port);
		InetAddress remote = ServiceHttp.nonLoopbackAddress();
		assertThat(http.post(remote, run("cmd_remote", "local-service-token")).statusCode()).isEqualTo(200);
		assertThat(this.tool.ran).contains("cmd_remote");
		failedEnvelope(http.post(remote, run("cmd_remote_wrong", "wrong")), 401, "invalid_request");
		assertThat(this.tool.ran).doesNotContain("cmd_remote_wrong");
	}

}
