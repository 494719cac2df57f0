package io.github.agentprotocols.samples.showcase;

import java.io.IOException;
import java.nio.file.Path;

import io.github.agentprotocols.testsupport.BrowserScript;
import org.junit.jupiter.api.Test;

import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * The landing page in headless Chromium (Debian's package, driven by playwright-core from
 * {@code src/test/browser}): one link per protocol's demo page, and the
 * {@code agentProtocols} health group polled live, every protocol UP. Its screenshot,
 * {@code target/showcase-landing.png}, is the one the README shows.
 */
@ShowcaseTest
class LandingPageBrowserTests {

	@LocalServerPort
	int port;

	@Test
	void pageLinksEveryDemoAndShowsEveryProtocolUpLive() throws IOException, InterruptedException {
		BrowserScript.run("landing.mjs", Path.of("target/showcase-landing.png"), "http://127.0.0.1:" + this.port);
	}

}
