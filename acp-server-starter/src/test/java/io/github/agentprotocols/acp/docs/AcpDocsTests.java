package io.github.agentprotocols.acp.docs;

import java.nio.file.Path;
import java.util.Map;

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

}
