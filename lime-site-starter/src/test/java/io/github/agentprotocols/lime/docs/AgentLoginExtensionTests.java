package io.github.agentprotocols.lime.docs;

import io.github.agentprotocols.lime.LoginRequest;
import io.github.agentprotocols.lime.Passport;
import io.github.agentprotocols.lime.site.LimeSite;
import io.github.agentprotocols.lime.test.FakeLimeApi;
import io.github.agentprotocols.lime.test.FakeLimeApiExtension;
import io.github.agentprotocols.lime.test.LimeAgent;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import static org.assertj.core.api.Assertions.assertThat;

// tag::extension-test[]
@ExtendWith(FakeLimeApiExtension.class)
class AgentLoginExtensionTests {

	@Test
	void agentLogsIn(FakeLimeApi lime, LimeAgent agent) {
		LimeSite site = LimeSite.builder().apiBase(lime.baseUrl()).siteToken(lime.siteToken()).build();
		LoginRequest request = site.createLoginRequest().block();
		agent.approve(request.requestId()); // GET challenge, solve the PoW, POST approve
		// the fake now pushes {"type":"approved",…} with an RS256 passport to
		// every open event stream, where your dispatcher receives it; passports
		// of the fake verify against lime.baseUrl() + "/core/.well-known/jwks.json"
		String passportJwt = lime.passports().login(request.requestId());
		Passport passport = site.verifyPassport(passportJwt, request.requestId()).block();
		assertThat(passport.agentId()).isEqualTo(lime.agentId());
	}

}
// end::extension-test[]
