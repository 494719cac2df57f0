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

import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;

import static io.github.agentprotocols.appcontrol.service.ServiceHttp.failedEnvelope;
import static io.github.agentprotocols.appcontrol.service.ServiceHttp.run;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Behind a reverse proxy on the same machine, with
 * {@code server.forward-headers-strategy} set, the client is the forwarded one: a remote
 * client that the proxy forwards is refused though the connection comes from loopback.
 */
@SpringBootTest(classes = DesktopToolApplication.class, webEnvironment = WebEnvironment.RANDOM_PORT,
		properties = { "app-control.service.enabled=true", "app-control.service.token=local-service-token",
				"server.forward-headers-strategy=framework" })
class AppControlServiceForwardedClientTests {

	@LocalServerPort
	int port;

	@Autowired
	FakeDesktopTool tool;

	@Test
	void forwardedRemoteClientIsRefusedAndForwardedLocalClientServed() throws Exception {
		ServiceHttp http = new ServiceHttp(this.port);
		failedEnvelope(http.postFromLoopback(run("cmd_forwarded_remote", "local-service-token"), "X-Forwarded-For",
				"203.0.113.7"), 403, "client_not_allowed");
		assertThat(this.tool.ran).doesNotContain("cmd_forwarded_remote");
		assertThat(
				http.postFromLoopback(run("cmd_forwarded_local", "local-service-token"), "X-Forwarded-For", "127.0.0.1")
					.statusCode())
			.isEqualTo(200);
		assertThat(this.tool.ran).contains("cmd_forwarded_local");
	}

}
