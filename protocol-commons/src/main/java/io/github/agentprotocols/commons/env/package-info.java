/**
 * Environment support the starters share: property sources placed beside the system
 * environment.
 */
@NullMarked
package io.github.agentprotocols.commons.env;

import org.jspecify.annotations.NullMarked;
