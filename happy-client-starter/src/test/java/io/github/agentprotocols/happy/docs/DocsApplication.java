package io.github.agentprotocols.happy.docs;

import org.springframework.boot.autoconfigure.SpringBootApplication;

/**
 * The application the page's Spring test finds, as a user's own would be found: the
 * starter's auto-configuration and {@link NightlyBuild}.
 */
@SpringBootApplication
class DocsApplication {

}
