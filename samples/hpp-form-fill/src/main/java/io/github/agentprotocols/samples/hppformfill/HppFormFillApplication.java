package io.github.agentprotocols.samples.hppformfill;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;

/**
 * Serves a form (static {@code index.html}) that a user hands to an AI agent through a
 * handshake prompt; the HPP starter provides every endpoint the page and the agent use.
 */
@SpringBootApplication
public class HppFormFillApplication {

	public static void main(String[] args) {
		SpringApplication.run(HppFormFillApplication.class, args);
	}

}
