package io.github.agentprotocols.lime.docs;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import io.github.agentprotocols.lime.LimeLoginBroadcastEvent;
import io.github.agentprotocols.lime.Passport;
import io.github.agentprotocols.lime.site.LimeSite;

import org.springframework.context.event.EventListener;

/**
 * The page's listener for many instances: the instance holding the waiting browser
 * completes its login.
 */
class BrowserLogins {

	private final Map<String, PendingBrowser> waiting = new ConcurrentHashMap<>();

	private final LimeSite lime;

	BrowserLogins(LimeSite lime) {
		this.lime = lime;
	}

	void waitFor(String requestId, PendingBrowser browser) {
		this.waiting.put(requestId, browser);
	}

	// tag::broadcast-listener[]
	@EventListener
	void outcome(LimeLoginBroadcastEvent event) { // on every instance
		PendingBrowser browser = this.waiting.remove(event.requestId());
		if (browser == null) {
			return; // another instance serves this browser
		}
		if (event.isApproved()) {
			Passport passport = this.lime.blocking().verifyPassport(event.passportJwt(), event.requestId());
			browser.signIn(passport);
		}
		else {
			browser.expired();
		}
	}
	// end::broadcast-listener[]

	/**
	 * A browser waiting for the outcome of its login request.
	 */
	interface PendingBrowser {

		void signIn(Passport passport);

		void expired();

	}

}
