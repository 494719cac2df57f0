package io.github.agentprotocols.samples.showcase;

import java.io.IOException;
import java.nio.file.Path;

import io.github.agentprotocols.testsupport.BrowserScript;
import io.github.agentprotocols.lime.test.FakeLimeApi;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * The LIME login page of {@code samples/lime-login} as the showcase serves it on the
 * in-process fake LIME API, in headless Chromium, driven by that sample's script: the
 * test kit's agent approves and the page shows it logged in.
 */
@ShowcaseTest
class LimeLoginBrowserTests {

	@LocalServerPort
	int port;

	@Autowired
	FakeLimeApi lime;

	@Test
	void demoAgentApprovesAndThePageShowsItLoggedIn() throws IOException, InterruptedException {
		BrowserScript.run("lime-login.mjs", Path.of("target/showcase-lime-login.png"), "http://127.0.0.1:" + this.port,
				this.lime.agentId());
	}

}
