/**
 * A fake LIME API and an agent-side client, for tests of LIME site backends.
 */
@NullMarked
package io.github.agentprotocols.lime.test;

import org.jspecify.annotations.NullMarked;
