package io.github.agentprotocols.samples.showcase;

import java.io.IOException;
import java.nio.file.Path;

import io.github.agentprotocols.testsupport.BrowserScript;
import org.junit.jupiter.api.Test;

import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * The Happy page in headless Chromium (Debian's package, driven by playwright-core from
 * {@code src/test/browser}) on the in-process fake server and daemon: a session is
 * spawned, the messages of two turns appear live in order, the session is listed, stopped
 * and then listed as inactive, and the next prompt runs in a new session.
 */
@ShowcaseTest
class HappyBrowserTests {

	@LocalServerPort
	int port;

	@Test
	void pageSpawnsASessionAndShowsItsTurnsLive() throws IOException, InterruptedException {
		BrowserScript.run("happy.mjs", Path.of("target/showcase-happy.png"), "http://127.0.0.1:" + this.port);
	}

}
