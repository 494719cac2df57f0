package io.github.agentprotocols.samples.limelogin;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

/**
 * Runs {@code src/test/browser/lime-login.mjs}: playwright-core driving Debian's Chromium
 * (never a downloaded browser) against the running sample.
 */
final class BrowserScript {

	private static final Path FOLDER = Path.of("src/test/browser");

	private BrowserScript() {
	}

	/**
	 * Run one scenario of the script and require it to pass.
	 * @param port the sample's port
	 * @param scenario {@code approve} or {@code expire}
	 * @param agentId the agent id the page must show
	 * @return the script's output
	 */
	static String run(int port, String scenario, String agentId) throws IOException, InterruptedException {
		if (!Files.isDirectory(FOLDER.resolve("node_modules/playwright-core"))) {
			fail("playwright-core is not installed: run 'npm ci --prefix " + FOLDER.toAbsolutePath()
					+ "' (and 'apt-get install chromium'); .ci/run does both");
		}
		Path screenshot = Path.of("target/lime-login-" + scenario + ".png").toAbsolutePath();
		Path log = Path.of("target/lime-login-" + scenario + "-browser.log").toAbsolutePath();
		Files.deleteIfExists(screenshot);
		Process node = new ProcessBuilder("node", "lime-login.mjs", "http://127.0.0.1:" + port, scenario, agentId,
				screenshot.toString())
			.directory(FOLDER.toFile())
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
		return output;
	}

}
