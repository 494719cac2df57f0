package io.github.agentprotocols.acp.docs;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import io.github.agentprotocols.acp.AcpAuthenticator;
import io.github.agentprotocols.acp.HandshakeData;
import io.github.agentprotocols.acp.Identity;
import io.github.agentprotocols.acp.IdentityRole;
import io.github.agentprotocols.testsupport.CodeSnippets;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every Java block of docs/acp.md is a copy of a tagged region of this package's sources,
 * which compile, and the quick start's authenticator does what the page says.
 */
class AcpDocsTests {

	private final AcpAuthenticator authenticator = new AcpConfiguration()
		.acpAuthenticator(new Users(Map.of("tok-1", new Users.User("u1", "Ada", "o1"))));

	@Test
	void everyJavaBlockOfThePageIsACopyOfACompiledSource() {
		assertThat(CodeSnippets.disagreements(Path.of("../docs/acp.md"), Path.of(""))).isEmpty();
	}

	@Test
	void quickStartAuthenticatorReadsTheBearerTokenOnRest() {
		HandshakeData rest = new HandshakeData(Map.of("authorization", "Bearer tok-1"), Map.of(), Map.of(),
				HandshakeData.REST);
		assertThat(this.authenticator.authenticate(rest).block())
			.isEqualTo(new Identity(IdentityRole.USER, "u1", "Ada", Map.of("tenant", Map.of("organization", "o1"))));
	}

	@Test
	void quickStartAuthenticatorReadsTheAuthTokenOnSocketIoAndRefusesUnknownTokens() {
		HandshakeData socket = new HandshakeData(Map.of(), Map.of("token", "tok-1"), Map.of(), HandshakeData.SOCKET_IO);
		assertThat(this.authenticator.authenticate(socket).block()).extracting(Identity::id).isEqualTo("u1");
		HandshakeData unknown = new HandshakeData(Map.of("authorization", "Bearer nope"), Map.of(), Map.of(),
				HandshakeData.REST);
		assertThat(this.authenticator.authenticate(unknown).blockOptional()).isEmpty();
	}

	@Test
	void pageNamesNoTypeOfTheInternalEnginePackage() throws IOException {
		String page = Files.readString(Path.of("../docs/acp.md"));
		try (Stream<Path> engine = Files.list(Path.of("src/main/java/io/github/agentprotocols/acp/engine"))) {
			List<String> named = engine.map((file) -> file.getFileName().toString().replace(".java", ""))
				.filter((type) -> !type.equals("package-info")
						&& Pattern.compile("\\b" + type + "\\b").matcher(page).find())
				.toList();
			assertThat(named).as("internal types named by docs/acp.md").isEmpty();
		}
	}

}
