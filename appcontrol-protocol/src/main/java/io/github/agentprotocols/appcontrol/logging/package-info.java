/**
 * The observer that writes command events as redacted log lines.
 */
@NullMarked
package io.github.agentprotocols.appcontrol.logging;

import org.jspecify.annotations.NullMarked;
