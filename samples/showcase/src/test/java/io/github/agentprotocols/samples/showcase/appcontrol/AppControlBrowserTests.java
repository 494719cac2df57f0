package io.github.agentprotocols.samples.showcase.appcontrol;

import java.io.IOException;
import java.nio.file.Path;

import io.github.agentprotocols.testsupport.BrowserScript;
import io.github.agentprotocols.samples.showcase.ShowcaseTest;
import org.junit.jupiter.api.Test;

import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * The app-control page in headless Chromium (Debian's package, driven by playwright-core
 * from {@code src/test/browser}) on the local service host and the demo desktop client: a
 * command the host refuses shows its envelope, an unknown app ends in a {@code not_found}
 * observation, and a run's events appear live, in order, before its observation.
 */
@ShowcaseTest
class AppControlBrowserTests {

	@LocalServerPort
	int port;

	@Test
	void pageRunsDemoCommandsAndShowsTheirEventsLive() throws IOException, InterruptedException {
		BrowserScript.run("app-control.mjs", Path.of("target/showcase-app-control.png"),
				"http://127.0.0.1:" + this.port);
	}

}
