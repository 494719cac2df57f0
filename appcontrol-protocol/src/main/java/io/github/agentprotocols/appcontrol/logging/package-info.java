/**
 * The observer that writes command events as redacted log lines.
 * <p>
 * API: {@code LoggingToolObserver}.
 */
@NullMarked
package io.github.agentprotocols.appcontrol.logging;

import org.jspecify.annotations.NullMarked;
