package io.github.agentprotocols.samples.acpchat;

import java.io.IOException;
import java.nio.file.Path;

import io.github.agentprotocols.testsupport.BrowserScript;
import org.junit.jupiter.api.Test;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * The chat page in headless Chromium (Debian's package, driven by playwright-core from
 * {@code src/test/browser}) on the sample as it runs by default, in memory: the demo
 * assistant's reasoning, tool call, tool result, streamed answer and run status appear
 * live over Socket.IO, and after a reload the thread's history is shown once.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT)
class AcpChatBrowserTests {

	@LocalServerPort
	int port;

	@Test
	void assistantAnswersLiveAndAReloadShowsTheHistoryOnce() throws IOException, InterruptedException {
		BrowserScript.run("chat.mjs", Path.of("target/acp-chat.png"), "http://127.0.0.1:" + this.port);
	}

}
