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

package io.github.agentprotocols.samples.happyrunner;

import io.github.agentprotocols.happy.ReactiveHappyClient;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;

/**
 * A command-line application that runs a prompt as a Happy agent session, as the SDK's
 * {@code run_task} quick start does, printing the session's messages as the turn runs
 * ({@link TaskRunner}). The auto-configured client finds the credentials
 * ({@code HAPPY_SERVER_URL}, {@code HAPPY_TOKEN}, {@code HAPPY_SECRET} or a key file);
 * with the {@code fake} profile the test kit's server and a machine daemon run in this
 * process instead ({@link FakeHappyInitializer}).
 */
@SpringBootApplication
@EnableConfigurationProperties(HappyRunnerProperties.class)
public class HappyRunnerApplication {

	public static void main(String[] args) {
		System.exit(SpringApplication.exit(SpringApplication.run(HappyRunnerApplication.class, args)));
	}

	@Bean
	TaskRunner taskRunner(ObjectProvider<ReactiveHappyClient> client, HappyRunnerProperties task) {
		return new TaskRunner(client.getIfAvailable(), task, System.out, System.err);
	}

}
