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

package io.github.agentprotocols.happy.core;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import java.util.Map;

import io.github.agentprotocols.testsupport.SpecItem;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

class HappyCredentialsTests {

	private static final byte[] MASTER = bytes(0x00);

	private static final byte[] MACHINE = bytes(0x40);

	private static final byte[] OTHER = bytes(0x80);

	private static final String URL = "https://happy.example.com";

	@TempDir
	Path home;

	@SpecItem("HAPPY-1.4.1")
	@Test
	void envVariablesGiveAllThree() {
		HappyCredentials credentials = HappyCredentials
			.fromEnv(Map.of("HAPPY_SERVER_URL", URL + "/", "HAPPY_TOKEN", "eyJ.t", "HAPPY_SECRET", b64(MASTER)), null);
		assertThat(credentials.serverUrl()).isEqualTo(URL);
		assertThat(credentials.token()).isEqualTo("eyJ.t");
		assertThat(credentials.secret()).isEqualTo(MASTER);
		assertThat(credentials.secretKind()).isEqualTo(SecretKind.UNKNOWN);
	}

	@SpecItem("HAPPY-1.4.1")
	@SpecItem("HAPPY-10.1")
	@Test
	void envWithoutVariablesNamesEveryMissingOne() {
		assertThatExceptionOfType(HappyAuthenticationException.class)
			.isThrownBy(() -> HappyCredentials.fromEnv(Map.of(), null))
			.withMessage("Missing environment variables HAPPY_SERVER_URL, HAPPY_TOKEN, HAPPY_SECRET");
	}

	@SpecItem("HAPPY-1.4.1")
	@Test
	void envWithBlankTokenNamesIt() {
		Map<String, String> env = Map.of("HAPPY_SERVER_URL", URL, "HAPPY_TOKEN", " ", "HAPPY_SECRET", b64(MASTER));
		assertThatExceptionOfType(HappyAuthenticationException.class)
			.isThrownBy(() -> HappyCredentials.fromEnv(env, null))
			.withMessage("Missing environment variable HAPPY_TOKEN");
	}

	@SpecItem("HAPPY-1.4.2")
	@Test
	void serverUrlArgumentReplacesTheVariable() {
		Map<String, String> env = Map.of("HAPPY_TOKEN", "eyJ.t", "HAPPY_SECRET", b64(MASTER));
		assertThat(HappyCredentials.fromEnv(env, URL).serverUrl()).isEqualTo(URL);
		Map<String, String> withUrl = Map.of("HAPPY_SERVER_URL", "https://ignored", "HAPPY_TOKEN", "eyJ.t",
				"HAPPY_SECRET", b64(MASTER));
		assertThat(HappyCredentials.fromEnv(withUrl, URL).serverUrl()).isEqualTo(URL);
	}

	@SpecItem("HAPPY-1.4.3")
	@Test
	void envSecretThatIsNotBase64IsNamedWithoutItsValue() {
		Map<String, String> env = Map.of("HAPPY_TOKEN", "eyJ.t", "HAPPY_SECRET", "not*base64");
		assertThatExceptionOfType(HappyAuthenticationException.class)
			.isThrownBy(() -> HappyCredentials.fromEnv(env, URL))
			.withMessage("HAPPY_SECRET is not valid base64");
	}

	@SpecItem("HAPPY-1.4.3")
	@SpecItem("HAPPY-10.1")
	@Test
	void envSecretOfWrongLengthIsRejected() {
		Map<String, String> env = Map.of("HAPPY_TOKEN", "eyJ.t", "HAPPY_SECRET", b64(new byte[16]));
		assertThatExceptionOfType(HappyAuthenticationException.class)
			.isThrownBy(() -> HappyCredentials.fromEnv(env, URL))
			.withMessage("HAPPY_SECRET must be base64 of 32 bytes, not 16 bytes");
	}

	@SpecItem("HAPPY-1.4.6")
	@Test
	void inlineCredentialsWithoutServerUrlUseTheHappyCloud() {
		HappyCredentials credentials = HappyCredentials.of(null, "eyJ.t", b64(MASTER));
		assertThat(credentials.serverUrl()).isEqualTo("https://api.cluster-fluster.com")
			.isEqualTo(HappyCredentials.DEFAULT_SERVER_URL);
		assertThat(credentials.secretKind()).isEqualTo(SecretKind.UNKNOWN);
		assertThat(HappyCredentials.of(URL + "//", "eyJ.t", b64(MASTER)).serverUrl()).isEqualTo(URL);
	}

	@Test
	void inlineEmptyTokenIsRejected() {
		assertThatExceptionOfType(HappyAuthenticationException.class)
			.isThrownBy(() -> HappyCredentials.of(URL, "", b64(MASTER)))
			.withMessage("The token is empty");
	}

	@SpecItem("HAPPY-1.4.12")
	@Test
	void masterSecretWithoutTokenWaitsForOne() {
		HappyCredentials credentials = HappyCredentials.withoutToken(URL, b64(MASTER));
		assertThat(credentials.token()).isNull();
		assertThat(credentials.secretKind()).isEqualTo(SecretKind.MASTER_SECRET);
		HappyCredentials withToken = credentials.withToken("eyJ.minted");
		assertThat(withToken.token()).isEqualTo("eyJ.minted");
		assertThat(withToken.secret()).isEqualTo(MASTER);
		assertThat(withToken.secretKind()).isEqualTo(SecretKind.MASTER_SECRET);
		assertThat(withToken.serverUrl()).isEqualTo(URL);
	}

	@SpecItem("HAPPY-1.4.4")
	@Test
	void cliKeyFileGivesTheMachineKey() throws IOException {
		Path file = writeFormatA(this.home.resolve("access.key"), "eyJ.a", MACHINE);
		HappyCredentials credentials = HappyCredentials.fromKeyFile(URL, file);
		assertThat(credentials.token()).isEqualTo("eyJ.a");
		assertThat(credentials.secret()).isEqualTo(MACHINE);
		assertThat(credentials.secretKind()).isEqualTo(SecretKind.MACHINE_KEY);
	}

	@SpecItem("HAPPY-1.4.4")
	@Test
	void legacyKeyFileGivesTheMasterSecret() throws IOException {
		Path file = writeFormatB(this.home.resolve("access.key"), "eyJ.b", MASTER);
		HappyCredentials credentials = HappyCredentials.fromKeyFile(URL, file);
		assertThat(credentials.token()).isEqualTo("eyJ.b");
		assertThat(credentials.secret()).isEqualTo(MASTER);
		assertThat(credentials.secretKind()).isEqualTo(SecretKind.MASTER_SECRET);
	}

	@SpecItem("HAPPY-1.4.4")
	@Test
	void nonEmptySecretWinsOverMachineKey() throws IOException {
		Path both = write(this.home.resolve("both.key"), "{\"token\":\"eyJ\",\"secret\":\"" + b64(MASTER)
				+ "\",\"encryption\":{\"machineKey\":\"" + b64(MACHINE) + "\"}}");
		assertThat(HappyCredentials.fromKeyFile(URL, both).secret()).isEqualTo(MASTER);
		Path emptySecret = write(this.home.resolve("empty.key"),
				"{\"token\":\"eyJ\",\"secret\":\"\",\"encryption\":{\"machineKey\":\"" + b64(MACHINE) + "\"}}");
		assertThat(HappyCredentials.fromKeyFile(URL, emptySecret).secretKind()).isEqualTo(SecretKind.MACHINE_KEY);
	}

	@SpecItem("HAPPY-1.4.6")
	@Test
	void serverUrlIsNeverReadFromTheKeyFile() throws IOException {
		Path file = write(this.home.resolve("agent.key"),
				"{\"token\":\"eyJ\",\"secret\":\"" + b64(MASTER) + "\",\"serverUrl\":\"https://ignored\"}");
		assertThat(HappyCredentials.fromKeyFile(null, file).serverUrl()).isEqualTo(HappyCredentials.DEFAULT_SERVER_URL);
	}

	@SpecItem("HAPPY-1.4.5")
	@SpecItem("HAPPY-10.1")
	@Test
	void invalidKeyFilesAreNamedWithTheirProblem() throws IOException {
		assertKeyFileRejected("{\"token\":", "is not valid JSON");
		assertKeyFileRejected("[1]", "is not a JSON object");
		assertKeyFileRejected("{\"secret\":\"" + b64(MASTER) + "\"}", "has no token");
		assertKeyFileRejected("{\"token\":\"\",\"secret\":\"" + b64(MASTER) + "\"}", "has no token");
		assertKeyFileRejected("{\"token\":\"eyJ\"}", "has neither a secret nor an encryption.machineKey");
		assertKeyFileRejected("{\"token\":\"eyJ\",\"encryption\":{\"publicKey\":\"" + b64(OTHER) + "\"}}",
				"has no encryption.machineKey");
		assertKeyFileRejected("{\"token\":\"eyJ\",\"secret\":\"" + b64(new byte[31]) + "\"}",
				"must be base64 of 32 bytes, not 31 bytes");
		assertKeyFileRejected("{\"token\":\"eyJ\",\"encryption\":{\"machineKey\":\"%%\"}}", "is not valid base64");
	}

	@SpecItem("HAPPY-1.4.5")
	@Test
	void missingKeyFileIsNamed() {
		Path missing = this.home.resolve("nope.key");
		assertThatExceptionOfType(HappyAuthenticationException.class)
			.isThrownBy(() -> HappyCredentials.fromKeyFile(URL, missing))
			.withMessage("Happy key file " + missing + " does not exist");
	}

	@SpecItem("HAPPY-1.4.7")
	@Test
	void inlineCredentialsWinOverPathAndDefaultFile() throws IOException {
		writeFormatB(happyDir().resolve("agent.key"), "eyJ.default", OTHER);
		Path path = writeFormatB(this.home.resolve("given.key"), "eyJ.path", OTHER);
		HappyCredentials credentials = lookup().token("eyJ.inline")
			.secret(b64(MASTER))
			.credentialsPath(path.toString())
			.resolve();
		assertThat(credentials.token()).isEqualTo("eyJ.inline");
		assertThat(credentials.secret()).isEqualTo(MASTER);
	}

	@SpecItem("HAPPY-1.4.7")
	@Test
	void credentialsPathWinsOverDefaultFile() throws IOException {
		writeFormatB(happyDir().resolve("agent.key"), "eyJ.default", OTHER);
		Path path = writeFormatA(this.home.resolve("given.key"), "eyJ.path", MACHINE);
		HappyCredentials credentials = lookup().credentialsPath(path.toString()).resolve();
		assertThat(credentials.token()).isEqualTo("eyJ.path");
		assertThat(credentials.secretKind()).isEqualTo(SecretKind.MACHINE_KEY);
	}

	@SpecItem("HAPPY-1.4.9")
	@Test
	void credentialsPathStartingWithTildeIsExpandedAgainstTheUserHome() throws IOException {
		writeFormatB(this.home.resolve("keys/my.key"), "eyJ.tilde", MASTER);
		assertThat(lookup().credentialsPath("~/keys/my.key").resolve().token()).isEqualTo("eyJ.tilde");
	}

	@SpecItem("HAPPY-1.4.7")
	@Test
	void missingCredentialsPathIsAnErrorEvenWithADefaultFile() throws IOException {
		writeFormatB(happyDir().resolve("agent.key"), "eyJ.default", MASTER);
		assertThatExceptionOfType(HappyAuthenticationException.class)
			.isThrownBy(() -> lookup().credentialsPath("~/absent.key").find())
			.withMessageContaining("absent.key does not exist");
	}

	@SpecItem("HAPPY-1.4.10")
	@Test
	void inlineSecretWithoutTokenNamesTheToken() throws IOException {
		writeFormatB(happyDir().resolve("agent.key"), "eyJ.default", MASTER);
		assertThatExceptionOfType(HappyAuthenticationException.class)
			.isThrownBy(() -> lookup().secret(b64(MASTER)).find())
			.withMessageStartingWith("Happy credentials are incomplete: a secret is given but no token");
	}

	@SpecItem("HAPPY-1.4.10")
	@Test
	void inlineTokenWithoutSecretNamesTheSecret() throws IOException {
		writeFormatB(happyDir().resolve("agent.key"), "eyJ.default", MASTER);
		assertThatExceptionOfType(HappyAuthenticationException.class)
			.isThrownBy(() -> lookup().token("eyJ.inline").obtainToken(true).find())
			.withMessage("Happy credentials are incomplete: a token is given but no secret");
	}

	@SpecItem("HAPPY-1.4.12")
	@Test
	void inlineSecretWithoutTokenIsAMasterSecretWhenObtainingTheToken() {
		HappyCredentials credentials = lookup().secret(b64(MASTER)).obtainToken(true).resolve();
		assertThat(credentials.token()).isNull();
		assertThat(credentials.secretKind()).isEqualTo(SecretKind.MASTER_SECRET);
	}

	@SpecItem("HAPPY-1.4.8")
	@Test
	void defaultFileIsAgentKey() throws IOException {
		writeFormatB(happyDir().resolve("agent.key"), "eyJ.agent", MASTER);
		assertThat(lookup().resolve().token()).isEqualTo("eyJ.agent");
	}

	@SpecItem("HAPPY-1.4.8")
	@Test
	void defaultFileFallsBackToAccessKey() throws IOException {
		writeFormatA(happyDir().resolve("access.key"), "eyJ.access", MACHINE);
		HappyCredentials credentials = lookup().resolve();
		assertThat(credentials.token()).isEqualTo("eyJ.access");
		assertThat(credentials.secretKind()).isEqualTo(SecretKind.MACHINE_KEY);
	}

	@SpecItem("HAPPY-1.4.8")
	@Test
	void agentKeyWinsWhenBothHoldAMasterSecret() throws IOException {
		writeFormatB(happyDir().resolve("agent.key"), "eyJ.agent", MASTER);
		writeFormatB(happyDir().resolve("access.key"), "eyJ.access", OTHER);
		assertThat(lookup().resolve().token()).isEqualTo("eyJ.agent");
	}

	@SpecItem("HAPPY-1.4.8")
	@Test
	void agentKeyWinsWhenBothHoldOnlyAMachineKey() throws IOException {
		writeFormatA(happyDir().resolve("agent.key"), "eyJ.agent", MACHINE);
		writeFormatA(happyDir().resolve("access.key"), "eyJ.access", OTHER);
		assertThat(lookup().resolve().token()).isEqualTo("eyJ.agent");
	}

	@SpecItem("HAPPY-1.4.8")
	@Test
	void defaultFileHoldingTheMasterSecretIsPreferred() throws IOException {
		writeFormatA(happyDir().resolve("agent.key"), "eyJ.agent", MACHINE);
		writeFormatB(happyDir().resolve("access.key"), "eyJ.access", MASTER);
		HappyCredentials credentials = lookup().resolve();
		assertThat(credentials.token()).isEqualTo("eyJ.access");
		assertThat(credentials.secretKind()).isEqualTo(SecretKind.MASTER_SECRET);
	}

	@SpecItem("HAPPY-1.4.5")
	@Test
	void invalidDefaultFileIsAnError() throws IOException {
		write(happyDir().resolve("agent.key"), "{}");
		assertThatExceptionOfType(HappyAuthenticationException.class).isThrownBy(() -> lookup().find())
			.withMessageContaining("agent.key has no token");
	}

	@SpecItem("HAPPY-1.4.8")
	@Test
	void happyHomeDirReplacesTheDefaultDirectory() throws IOException {
		writeFormatB(happyDir().resolve("agent.key"), "eyJ.default", MASTER);
		writeFormatB(this.home.resolve("alt/agent.key"), "eyJ.alt", MASTER);
		assertThat(
				lookup().environment(Map.of("HAPPY_HOME_DIR", this.home.resolve("alt").toString())).resolve().token())
			.isEqualTo("eyJ.alt");
		assertThat(lookup().environment(Map.of("HAPPY_HOME_DIR", "~/alt")).resolve().token()).isEqualTo("eyJ.alt");
	}

	@SpecItem("HAPPY-1.4.11")
	@Test
	void noCredentialsAnywhereIsNothingFound() {
		assertThat(lookup().find()).isEmpty();
		assertThatExceptionOfType(HappyAuthenticationException.class).isThrownBy(() -> lookup().resolve())
			.withMessage("No Happy credentials: give a token and secret, a credentials path, or place agent.key or "
					+ "access.key in " + happyDir());
	}

	@SpecItem("HAPPY-1.4.6")
	@Test
	void lookupServerUrlIsTheArgumentThenTheVariableThenTheCloud() throws IOException {
		writeFormatB(happyDir().resolve("agent.key"), "eyJ.agent", MASTER);
		Map<String, String> env = Map.of("HAPPY_SERVER_URL", "https://env.example.com/");
		assertThat(lookup().environment(env).serverUrl(URL).resolve().serverUrl()).isEqualTo(URL);
		assertThat(lookup().environment(env).resolve().serverUrl()).isEqualTo("https://env.example.com");
		assertThat(lookup().resolve().serverUrl()).isEqualTo(HappyCredentials.DEFAULT_SERVER_URL);
		assertThat(lookup().environment(env).token("eyJ").secret(b64(MASTER)).resolve().serverUrl())
			.isEqualTo("https://env.example.com");
	}

	@SpecItem("HAPPY-1.4.13")
	@Test
	void secretIsCopiedAndNeverPrinted() {
		HappyCredentials credentials = HappyCredentials.of(URL, "eyJ.secret-token", b64(MASTER));
		credentials.secret()[0] = 42;
		assertThat(credentials.secret()).isEqualTo(MASTER);
		assertThat(credentials.toString()).contains(URL)
			.contains("token=present")
			.contains("secretKind=UNKNOWN")
			.doesNotContain("eyJ.secret-token")
			.doesNotContain(b64(MASTER));
	}

	private HappyCredentials.Lookup lookup() {
		return HappyCredentials.lookup().environment(Map.of()).userHome(this.home);
	}

	private Path happyDir() {
		return this.home.resolve(".happy");
	}

	private void assertKeyFileRejected(String json, String problem) throws IOException {
		Path file = write(this.home.resolve("bad.key"), json);
		assertThatExceptionOfType(HappyAuthenticationException.class)
			.isThrownBy(() -> HappyCredentials.fromKeyFile(URL, file))
			.withMessageContaining(file.toString())
			.withMessageContaining(problem);
	}

	private static Path writeFormatA(Path file, String token, byte[] machineKey) throws IOException {
		return write(file, "{\n  \"token\": \"" + token + "\",\n  \"encryption\": {\n    \"publicKey\": \"" + b64(OTHER)
				+ "\",\n    \"machineKey\": \"" + b64(machineKey) + "\"\n  }\n}");
	}

	private static Path writeFormatB(Path file, String token, byte[] secret) throws IOException {
		return write(file, "{\"token\":\"" + token + "\",\"secret\":\"" + b64(secret) + "\"}");
	}

	private static Path write(Path file, String content) throws IOException {
		Files.createDirectories(file.getParent());
		return HappyKeyFilePermissionsTests.ownerOnly(Files.writeString(file, content));
	}

	private static byte[] bytes(int first) {
		byte[] bytes = new byte[32];
		for (int i = 0; i < bytes.length; i++) {
			bytes[i] = (byte) (first + i);
		}
		return bytes;
	}

	private static String b64(byte[] bytes) {
		return Base64.getEncoder().encodeToString(bytes);
	}

}
