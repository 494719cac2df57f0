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

package io.github.agentprotocols.happy.test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import io.github.agentprotocols.happy.core.HappyCredentials;
import io.github.agentprotocols.happy.core.SecretKind;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;

/**
 * Test accounts (spec §12): a fresh master secret, its token from the signed challenge,
 * and the key file a client or daemon reads.
 */
@ExtendWith(FakeHappyServerExtension.class)
class HappyTestAccountTests {

	@Test
	void freshAccountsAreDistinctAndTheirTokensWork(FakeHappyServer server, HappyTestAccount first,
			HappyTestAccount second) {
		assertThat(first.secret()).hasSize(32).isNotEqualTo(second.secret());
		assertThat(server.accountId(first.token())).isNotNull().isNotEqualTo(server.accountId(second.token()));
		assertThat(new Rest(server.url(), first.token()).get("/v1/sessions").status()).isEqualTo(200);
	}

	@Test
	void sameSecretLogsIntoTheSameAccount(FakeHappyServer server, HappyTestAccount account) {
		HappyTestAccount again = HappyTestAccount.login(server.url(), account.secret());
		assertThat(again.token()).isNotEqualTo(account.token());
		assertThat(server.accountId(again.token())).isEqualTo(server.accountId(account.token()));
	}

	@Test
	void keyFileIsAnAgentKeyWithTheMasterSecret(HappyTestAccount account, @TempDir Path home) throws IOException {
		Path file = account.writeKeyFile(home, "agent.key");
		JsonNode json = Rest.json.readTree(Files.readString(file));
		assertThat(json.get("token").asString()).isEqualTo(account.token());
		assertThat(json.get("secret").asString()).isEqualTo(account.secretBase64());
		HappyCredentials credentials = HappyCredentials.fromKeyFile(account.serverUrl(), file);
		assertThat(credentials.secretKind()).isEqualTo(SecretKind.MASTER_SECRET);
	}

	@Test
	void environmentNamesTheThreeVariables(HappyTestAccount account) {
		assertThat(account.environment()).containsEntry("HAPPY_SERVER_URL", account.serverUrl())
			.containsEntry("HAPPY_TOKEN", account.token())
			.containsEntry("HAPPY_SECRET", account.secretBase64());
	}

	@Test
	void issuedAccountSendsNothingAndIsTheAccountOfItsSecret(FakeHappyServer server) {
		server.reset();
		HappyTestAccount issued = HappyTestAccount.issuedBy(server);
		assertThat(server.requests()).isEmpty();
		assertThat(new Rest(server.url(), issued.token()).get("/v1/sessions").status()).isEqualTo(200);
		HappyTestAccount again = HappyTestAccount.login(server.url(), issued.secret());
		assertThat(server.accountId(again.token())).isEqualTo(server.accountId(issued.token()));
	}

	@Test
	void refusedLoginIsAnError(FakeHappyServer server) {
		server.faults().failNext(HappyEndpoint.AUTH, 1, 503);
		assertThatIllegalStateException().isThrownBy(() -> HappyTestAccount.create(server))
			.withMessageContaining("503");
	}

}
