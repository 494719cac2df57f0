package io.github.agentprotocols.lime.docs;

import io.github.agentprotocols.lime.LimeLoginApprovedEvent;
import io.github.agentprotocols.lime.Passport;
import io.github.agentprotocols.lime.site.LimeSite;

import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

// tag::listener[]
@Component
class AgentSignIn {

	private final LimeSite lime;

	private final SiteSessions sessions;

	AgentSignIn(LimeSite lime, SiteSessions sessions) {
		this.lime = lime;
		this.sessions = sessions;
	}

	@EventListener
	void approved(LimeLoginApprovedEvent event) {
		Passport passport = this.lime.blocking().verifyPassport(event.passportJwt(), event.requestId());
		// agentId(), requestId(), claims(): the site's own session
		this.sessions.signIn(passport.requestId(), passport.agentId());
	}

}
// end::listener[]
