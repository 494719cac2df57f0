package io.github.agentprotocols.samples.hppformfill;

import java.io.IOException;
import java.nio.file.Path;

import io.github.agentprotocols.testsupport.BrowserScript;
import org.junit.jupiter.api.Test;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * The sample page in headless Chromium (Debian's package, driven by playwright-core from
 * {@code src/test/browser}), with the script also playing the agent over HTTP: fields
 * appear live, and a field the user edited is rejected for the agent.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT)
class FormFillBrowserTests {

	@LocalServerPort
	int port;

	@Test
	void agentFillsTheFormLiveAndCannotOverwriteTheUser() throws IOException, InterruptedException {
		BrowserScript.run("form-fill.mjs", Path.of("target/hpp-form-fill.png"), "http://127.0.0.1:" + this.port);
	}

}
