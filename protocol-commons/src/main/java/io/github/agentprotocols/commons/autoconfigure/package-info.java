/**
 * Auto-configuration shared by the protocol starters: the agentProtocols health group and
 * info entry.
 */
@NullMarked
package io.github.agentprotocols.commons.autoconfigure;

import org.jspecify.annotations.NullMarked;
