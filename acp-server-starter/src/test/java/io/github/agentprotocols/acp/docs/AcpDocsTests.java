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

package io.github.agentprotocols.acp.docs;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import javax.crypto.spec.SecretKeySpec;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.MACSigner;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import io.github.agentprotocols.acp.AcpAuthenticator;
import io.github.agentprotocols.acp.AssistantRuns;
import io.github.agentprotocols.acp.HandshakeData;
import io.github.agentprotocols.acp.Identity;
import io.github.agentprotocols.acp.IdentityRole;
import io.github.agentprotocols.acp.InvocationRequest;
import io.github.agentprotocols.acp.NewThread;
import io.github.agentprotocols.acp.ThreadStore;
import io.github.agentprotocols.acp.autoconfigure.AcpAutoConfiguration;
import io.github.agentprotocols.acp.autoconfigure.AcpRunsAutoConfiguration;
import io.github.agentprotocols.acp.memory.InMemoryThreadStore;
import io.github.agentprotocols.acp.run.AssistantRegistry;
import io.github.agentprotocols.commons.autoconfigure.AgentProtocolsAutoConfiguration;
import io.github.agentprotocols.testsupport.CodeSnippets;
import io.micrometer.observation.tck.TestObservationRegistry;
import io.micrometer.observation.tck.TestObservationRegistryAssert;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Flux;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.security.oauth2.jwt.NimbusReactiveJwtDecoder;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Every Java block of the ACP reference and of the ACP how-to pages is a copy of a tagged
 * region of this package's sources, which compile, and the JWT authenticator and the
 * convention bean do what the pages say.
 */
class AcpDocsTests {

	/** The pages whose snippets this module's sources hold. */
	static final List<Path> PAGES = List.of(Path.of("../docs/reference/acp.md"),
			Path.of("../docs/how-to/authenticate-acp-clients-with-your-jwts.md"),
			Path.of("../docs/how-to/use-acp-with-spring-security.md"),
			Path.of("../docs/how-to/write-an-acp-assistant.md"),
			Path.of("../docs/how-to/keep-acp-threads-in-postgresql.md"),
			Path.of("../docs/how-to/run-several-acp-instances.md"),
			Path.of("../docs/how-to/run-acp-behind-pgbouncer.md"));

	private static final byte[] SECRET = "a secret of at least 256 bits, for HS256".getBytes(StandardCharsets.UTF_8);

	private final AcpAuthenticator jwtAuthenticator = new JwtAuthentication()
		.acpAuthenticator(NimbusReactiveJwtDecoder.withSecretKey(new SecretKeySpec(SECRET, "HmacSHA256")).build());

	@Test
	void everyJavaBlockOfThePagesIsACopyOfACompiledSource() {
		for (Path page : PAGES) {
			assertThat(CodeSnippets.disagreements(page, Path.of(""))).as(page.toString()).isEmpty();
		}
	}

	@Test
	void jwtAuthenticatorReadsTheBearerTokenOnRestWithTheTenantOfItsClaim() throws JOSEException {
		String token = signed(SECRET, new JWTClaimsSet.Builder().subject("u1").claim("name", "Ada").claim("org", "o1"));
		HandshakeData rest = new HandshakeData(Map.of("authorization", "Bearer " + token), Map.of(), Map.of(),
				HandshakeData.REST);
		assertThat(this.jwtAuthenticator.authenticate(rest).block())
			.isEqualTo(new Identity(IdentityRole.USER, "u1", "Ada", Map.of("tenant", Map.of("organization", "o1"))));
	}

	@Test
	void jwtAuthenticatorReadsTheAuthTokenOnSocketIo() throws JOSEException {
		String token = signed(SECRET, new JWTClaimsSet.Builder().subject("u1"));
		HandshakeData socket = new HandshakeData(Map.of(), Map.of("token", token), Map.of(), HandshakeData.SOCKET_IO);
		assertThat(this.jwtAuthenticator.authenticate(socket).block())
			.isEqualTo(new Identity(IdentityRole.USER, "u1", "u1", Map.of("tenant", Map.of())));
	}

	@Test
	void jwtAuthenticatorRefusesForgedExpiredAndMissingTokensWithoutFailing() throws JOSEException {
		String forged = signed("another secret of at least 256 bits, HS256".getBytes(StandardCharsets.UTF_8),
				new JWTClaimsSet.Builder().subject("u1"));
		String expired = signed(SECRET, new JWTClaimsSet.Builder().subject("u1")
			.expirationTime(Date.from(Instant.now().minus(Duration.ofHours(1)))));
		for (String token : List.of(forged, expired, "not a jwt")) {
			HandshakeData rest = new HandshakeData(Map.of("authorization", "Bearer " + token), Map.of(), Map.of(),
					HandshakeData.REST);
			assertThat(this.jwtAuthenticator.authenticate(rest).blockOptional()).as(token).isEmpty();
		}
		HandshakeData none = new HandshakeData(Map.of(), Map.of(), Map.of(), HandshakeData.SOCKET_IO);
		assertThat(this.jwtAuthenticator.authenticate(none).blockOptional()).isEmpty();
	}

	@Test
	void runConventionBeanTagsTheRunsObservations() {
		new ApplicationContextRunner()
			.withConfiguration(AutoConfigurations.of(AgentProtocolsAutoConfiguration.class, AcpAutoConfiguration.class,
					AcpRunsAutoConfiguration.class))
			.withUserConfiguration(ObservationConventions.class)
			.withBean(TestObservationRegistry.class, TestObservationRegistry::create)
			.withBean(InMemoryThreadStore.class, () -> new InMemoryThreadStore(Clock.systemUTC()))
			.run((context) -> {
				context.getBean(AssistantRegistry.class).register("echo", (ctx, send) -> Flux.empty(), "test");
				ThreadStore store = context.getBean(ThreadStore.class);
				Identity alice = Identity.user("alice", "Alice");
				String thread = store.createThread(NewThread.withTenant(null), alice).block().thread().id();
				store.addMember(thread, Identity.assistant("echo", "Echo"), "member", alice).block();
				context.getBean(AssistantRuns.class)
					.invoke(thread, InvocationRequest.of(List.of("echo"), alice, null, null))
					.block();
				TestObservationRegistry registry = context.getBean(TestObservationRegistry.class);
				await().atMost(Duration.ofSeconds(30))
					.untilAsserted(() -> TestObservationRegistryAssert.assertThat(registry)
						.hasObservationWithNameEqualTo("acp.run")
						.that()
						.hasBeenStopped()
						.hasLowCardinalityKeyValue("acp.run.chained", "false")
						.hasLowCardinalityKeyValue("acp.run.status", "completed"));
			});
	}

	@Test
	void pagesNameNoInternalTypeOfTheEnginePackage() throws IOException {
		for (Path path : PAGES) {
			String page = Files.readString(path);
			try (Stream<Path> engine = Files.list(Path.of("src/main/java/io/github/agentprotocols/acp/engine"))) {
				List<String> named = engine.filter(AcpDocsTests::isMarkedInternal)
					.map((file) -> file.getFileName().toString().replace(".java", ""))
					.filter((type) -> Pattern.compile("\\b" + type + "\\b").matcher(page).find())
					.toList();
				assertThat(named).as("internal types named by " + path).isEmpty();
			}
		}
	}

	private static String signed(byte[] secret, JWTClaimsSet.Builder claims) throws JOSEException {
		SignedJWT jwt = new SignedJWT(new JWSHeader(JWSAlgorithm.HS256), claims.build());
		jwt.sign(new MACSigner(secret));
		return jwt.serialize();
	}

	private static boolean isMarkedInternal(Path file) {
		try {
			return Files.readString(file).contains("\n@Internal\n");
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

}
