package io.github.agentprotocols.lime.docs;

import org.springframework.boot.autoconfigure.SpringBootApplication;

/**
 * The application of the page's Spring examples: the controller, the handler and the
 * listener of this package, with the starter.
 */
@SpringBootApplication
class DocsApplication {

}
