package io.github.agentprotocols.samples.showcase;

import java.io.IOException;
import java.nio.file.Path;

import io.github.agentprotocols.testsupport.BrowserScript;
import org.junit.jupiter.api.Test;

import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * The HPP form-fill page of {@code samples/hpp-form-fill} as the showcase serves it, in
 * headless Chromium, with that sample's script playing the agent over HTTP: the fields
 * appear live, and a field the user edited is kept from the agent.
 */
@ShowcaseTest
class HppFormFillBrowserTests {

	@LocalServerPort
	int port;

	@Test
	void agentFillsTheFormLiveAndCannotOverwriteTheUser() throws IOException, InterruptedException {
		BrowserScript.run("hpp-form-fill.mjs", Path.of("target/showcase-hpp-form-fill.png"),
				"http://127.0.0.1:" + this.port);
	}

}
