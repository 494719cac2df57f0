package io.github.agentprotocols.samples.hppformfill;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

/**
 * The sample page in headless Chromium (Debian's package, driven by playwright-core from
 * {@code src/test/browser}), with the script also playing the agent over HTTP: fields
 * appear live, and a field the user edited is rejected for the agent.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT)
class FormFillBrowserTests {

	private static final Path SCRIPT_FOLDER = Path.of("src/test/browser");

	@LocalServerPort
	int port;

	@Test
	void agentFillsTheFormLiveAndCannotOverwriteTheUser() throws IOException, InterruptedException {
		if (!Files.isDirectory(SCRIPT_FOLDER.resolve("node_modules/playwright-core"))) {
			fail("playwright-core is not installed: run 'npm ci --prefix " + SCRIPT_FOLDER.toAbsolutePath()
					+ "' (and 'apt-get install chromium'); .ci/run does both");
		}
		Path screenshot = Path.of("target/hpp-form-fill.png").toAbsolutePath();
		Path log = Path.of("target/hpp-form-fill-browser.log").toAbsolutePath();
		Process node = new ProcessBuilder("node", "form-fill.mjs", "http://127.0.0.1:" + this.port,
				screenshot.toString())
			.directory(SCRIPT_FOLDER.toFile())
			.redirectErrorStream(true)
			.redirectOutput(log.toFile())
			.start();
		boolean finished = node.waitFor(120, TimeUnit.SECONDS);
		String output = Files.readString(log, StandardCharsets.UTF_8);
		if (!finished) {
			node.destroyForcibly();
			fail("browser test did not finish in 120 s:\n" + output);
		}
		assertThat(node.exitValue()).as(output).isZero();
		assertThat(output).contains("\"ok\":true");
		assertThat(screenshot).exists();
	}

}
