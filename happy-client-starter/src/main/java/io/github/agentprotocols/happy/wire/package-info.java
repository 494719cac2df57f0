/**
 * JSON shapes of the Happy server's REST API and Socket.IO events, where they are not the
 * client's API: encrypted records, pages, update bodies and acknowledgements.
 */
@NullMarked
package io.github.agentprotocols.happy.wire;

import org.jspecify.annotations.NullMarked;
