/**
 * Application context support shared by the starters and their test kits.
 */
@NullMarked
package io.github.agentprotocols.commons.context;

import org.jspecify.annotations.NullMarked;
