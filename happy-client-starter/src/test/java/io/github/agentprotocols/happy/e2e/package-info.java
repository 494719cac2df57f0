/**
 * End-to-end tests of the Happy client against the test kit's fake server (and fake
 * daemon), over real HTTP and Socket.IO.
 */
@NullMarked
package io.github.agentprotocols.happy.e2e;

import org.jspecify.annotations.NullMarked;
