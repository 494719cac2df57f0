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

package io.github.agentprotocols.samples.acpchat;

import java.io.IOException;
import java.nio.file.Path;

import io.github.agentprotocols.acp.ThreadStore;
import io.github.agentprotocols.acp.r2dbc.PostgresThreadStore;
import io.github.agentprotocols.testsupport.BrowserScript;
import io.github.agentprotocols.testsupport.PostgresFixture;
import io.github.agentprotocols.testsupport.UsesPostgres;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The chat page in headless Chromium on the sample configured with
 * {@code spring.r2dbc.url}: the threads are kept in PostgreSQL (tables of this sample's
 * own prefix, schema applied by the starter), and the conversation and reload behave as
 * in memory.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT, properties = "acp.store.table-prefix=acp_chat_sample_")
@UsesPostgres
class AcpChatPostgresBrowserTests {

	@DynamicPropertySource
	static void r2dbc(DynamicPropertyRegistry registry) {
		PostgresFixture.database().registerR2dbcProperties(registry);
	}

	@LocalServerPort
	int port;

	@Autowired
	ThreadStore store;

	@Test
	void assistantAnswersLiveAndAReloadShowsTheHistoryOnceOnPostgres() throws IOException, InterruptedException {
		assertThat(this.store).isInstanceOf(PostgresThreadStore.class);
		BrowserScript.run("chat.mjs", Path.of("target/acp-chat-postgres.png"), "http://127.0.0.1:" + this.port);
	}

}
