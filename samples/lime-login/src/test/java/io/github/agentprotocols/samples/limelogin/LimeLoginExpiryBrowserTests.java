package io.github.agentprotocols.samples.limelogin;

import java.io.IOException;
import java.nio.file.Path;

import io.github.agentprotocols.testsupport.BrowserScript;
import io.github.agentprotocols.lime.test.FakeLimeApi;
import io.github.agentprotocols.lime.test.context.AutoConfigureFakeLimeApi;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * The page in headless Chromium when no agent approves: LIME's {@code expired} event for
 * the short-lived request reaches the page, and a late approval is refused with a JSON
 * error.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT)
@AutoConfigureFakeLimeApi(requestTtl = "3s")
class LimeLoginExpiryBrowserTests {

	@LocalServerPort
	int port;

	@Autowired
	FakeLimeApi lime;

	@Test
	void unapprovedRequestExpiresOnThePage() throws IOException, InterruptedException {
		BrowserScript.run("lime-login.mjs", Path.of("target/lime-login-expire.png"), "http://127.0.0.1:" + this.port,
				"expire", this.lime.agentId());
	}

}
