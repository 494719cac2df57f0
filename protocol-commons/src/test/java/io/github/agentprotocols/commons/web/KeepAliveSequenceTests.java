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

package io.github.agentprotocols.commons.web;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.parallel.Execution;
import org.junit.jupiter.api.parallel.ExecutionMode;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Runs {@link KeepAliveSequenceApplication} in JVMs of their own, since Reactor Netty
 * reads {@code reactor.netty.http.server.lastFlushWhenNoRead} once per JVM: once with the
 * setting off, where the request after a buffered one is never read, and once as the
 * starters leave it, where {@link LastFlushWhenNoReadEnvironmentPostProcessor} has set it
 * before the server's classes were loaded; and {@link OffEventLoopAnswersApplication}, as
 * the starters leave it. The three JVMs run side by side, while no other class runs: each
 * test mostly waits on its own, the first one on an answer that never comes.
 */
class KeepAliveSequenceTests {

	private static final String SETTING = "reactor.netty.http.server.lastFlushWhenNoRead";

	@TempDir
	Path output;

	/**
	 * Reactor Netty's behaviour without the setting. Should a Reactor Netty release read
	 * on, this test fails, and the setting is no longer needed. Each answer is awaited
	 * for 10 s, the first ones of a JVM just started on a loaded machine too.
	 */
	@Test
	@Execution(ExecutionMode.CONCURRENT)
	void requestAfterABufferedKeepAliveRequestIsNeverReadWhenTheSettingIsOff() throws Exception {
		List<String> lines = runSequence(10, "-D" + SETTING + "=false");
		assertThat(lines).containsSubsequence("/late 200", "/prompt 200", "/prompt unanswered",
				"/prompt(new connection) 200", "lastFlushWhenNoRead false");
	}

	@Test
	@Execution(ExecutionMode.CONCURRENT)
	void requestAfterABufferedKeepAliveRequestIsAnsweredWithTheStarters() throws Exception {
		List<String> lines = runSequence(30);
		assertThat(lines).containsSubsequence("/late 200", "/prompt 200", "/prompt 200", "/prompt(new connection) 200",
				"lastFlushWhenNoRead true");
	}

	/**
	 * Responses that complete on another Netty client's event loop, as a Redis store's
	 * do, are all answered with the setting on: it holds a response's final flush back
	 * only while the server is reading, and such responses are written outside any read.
	 */
	@Test
	@Execution(ExecutionMode.CONCURRENT)
	void responsesCompletedOffTheEventLoopAreAllAnsweredWithTheStarters() throws Exception {
		List<String> lines = run(OffEventLoopAnswersApplication.class, "2", "1500", "10");
		assertThat(lines).containsSubsequence("answered 3000 of 3000", "lastFlushWhenNoRead true");
	}

	private List<String> runSequence(int answerTimeoutSeconds, String... jvmArguments)
			throws IOException, InterruptedException {
		List<String> command = new ArrayList<>(List.of(jvmArguments));
		command.addAll(List.of(KeepAliveSequenceApplication.class.getName(), String.valueOf(answerTimeoutSeconds)));
		return run(command);
	}

	private List<String> run(Class<?> application, String... arguments) throws IOException, InterruptedException {
		List<String> command = new ArrayList<>(List.of(application.getName()));
		command.addAll(List.of(arguments));
		return run(command);
	}

	/**
	 * Runs a main class in a JVM of its own and returns what it printed.
	 * @param arguments JVM options, then the main class and its arguments
	 */
	private List<String> run(List<String> arguments) throws IOException, InterruptedException {
		List<String> command = new ArrayList<>();
		command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
		command.add("-XX:TieredStopAtLevel=1");
		command.addAll(List.of("-cp", System.getProperty("java.class.path")));
		command.addAll(arguments);
		Path log = Files.createTempFile(this.output, "sequence", ".log");
		Process process = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile()).start();
		try {
			assertThat(process.waitFor(2, TimeUnit.MINUTES)).as("the sequence ended within 2 minutes").isTrue();
		}
		finally {
			process.destroyForcibly();
		}
		List<String> lines = Files.readAllLines(log, StandardCharsets.UTF_8);
		assertThat(process.exitValue()).as(String.join("\n", lines)).isZero();
		return lines;
	}

}
