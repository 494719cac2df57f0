/**
 * The nine JSON Schema documents of app-control and strict validation against them.
 * <p>
 * API: {@code ProtocolSchemas}.
 */
@NullMarked
package io.github.agentprotocols.appcontrol.schema;

import org.jspecify.annotations.NullMarked;
