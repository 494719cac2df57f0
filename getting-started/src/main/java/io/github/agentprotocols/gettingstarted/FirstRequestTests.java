/*
 * Copyright 2026-present the original author or authors.
 *
 * Licensed under the Apache License, Version 2.0 (the "License");
 * you may not use this file except in compliance with the License.
 * You may obtain a copy of the License at
 *
 *      https://www.apache.org/licenses/LICENSE-2.0
 *
 * Unless required by applicable law or agreed to in writing, software
 * distributed under the License is distributed on an "AS IS" BASIS,
 * WITHOUT WARRANTIES OR CONDITIONS OF ANY KIND, either express or implied.
 * See the License for the specific language governing permissions and
 * limitations under the License.
 */

package io.github.agentprotocols.gettingstarted;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The test of one application of docs/getting-started.md: it starts the application on a
 * random port, runs the guide's first request, {@code request.sh} of the project (a curl
 * command for {@code localhost:8080}), on that port, and expects the guide's answer,
 * {@code answer.txt}, where {@code …} stands for any text (an id, a token, a time).
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT)
public abstract class FirstRequestTests {

	@LocalServerPort
	private int port;

	@Test
	public void theFirstRequestIsAnsweredAsTheGuideSays() throws IOException, InterruptedException {
		String request = read("request.sh").replace("localhost:8080", "localhost:" + this.port);
		Process curl = new ProcessBuilder("sh", "-c", request).redirectErrorStream(true).start();
		String answer = new String(curl.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
		assertThat(curl.waitFor()).as(answer).isZero();
		assertThat(answer).matches(pattern(read("answer.txt")));
	}

	private static Pattern pattern(String answer) {
		return Pattern.compile(
				Arrays.stream(answer.split("…", -1)).map(Pattern::quote).collect(Collectors.joining(".+?")),
				Pattern.DOTALL);
	}

	private static String read(String file) throws IOException {
		return Files.readString(Path.of(file)).strip();
	}

}
