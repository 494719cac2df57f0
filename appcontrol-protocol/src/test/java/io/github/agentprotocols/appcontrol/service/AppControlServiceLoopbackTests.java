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
import java.net.http.HttpResponse;
import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;

import static io.github.agentprotocols.appcontrol.service.ServiceHttp.failedEnvelope;
import static io.github.agentprotocols.appcontrol.service.ServiceHttp.run;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * By default the HTTP route answers clients on loopback only, as the Unix socket does:
 * the server listens on every interface (no {@code server.address}), and a request that
 * reaches it on an address of this machine other than loopback is refused with 403
 * {@code client_not_allowed} before anything runs, its token notwithstanding.
 */
@SpringBootTest(classes = DesktopToolApplication.class, webEnvironment = WebEnvironment.RANDOM_PORT,
		properties = { "app-control.service.enabled=true", "app-control.service.token=local-service-token" })
class AppControlServiceLoopbackTests {

	@LocalServerPort
	int port;

	@Autowired
	FakeDesktopTool tool;

	private ServiceHttp http;

	@BeforeEach
	void http() {
		this.http = new ServiceHttp(this.port);
	}

	@Test
	void remoteClientIsRefusedAndNothingRuns() throws Exception {
		InetAddress remote = ServiceHttp.nonLoopbackAddress();
		Map<String, Object> refused = failedEnvelope(this.http.post(remote, run("cmd_remote", "local-service-token")),
				403, "client_not_allowed");
		assertThat(refused).extractingByKey("error")
			.asString()
			.contains("the local service host answers clients on this machine only");
		assertThat(this.tool.ran).doesNotContain("cmd_remote");
		assertThat(this.http.postFromLoopback(run("cmd_local", "local-service-token")).statusCode()).isEqualTo(200);
		assertThat(this.tool.ran).contains("cmd_local");
	}

	@Test
	void forwardedHeadersAreNotTrustedUnlessBootIsToldTo() throws Exception {
		HttpResponse<String> refused = this.http.post(ServiceHttp.nonLoopbackAddress(),
				run("cmd_spoofed", "local-service-token"), "X-Forwarded-For", "127.0.0.1", "Forwarded",
				"for=127.0.0.1");
		failedEnvelope(refused, 403, "client_not_allowed");
		assertThat(this.tool.ran).doesNotContain("cmd_spoofed");
	}

	@Test
	void remoteClientIsRefusedWhateverItSends() throws Exception {
		InetAddress remote = ServiceHttp.nonLoopbackAddress();
		failedEnvelope(this.http.post(remote, "not json"), 403, "client_not_allowed");
		failedEnvelope(this.http.post(remote, run("cmd_wrong_token", "wrong")), 403, "client_not_allowed");
	}

}
