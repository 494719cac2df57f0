/**
 * Auto-configuration of the LIME agent login health contributor.
 * <p>
 * API: LimeHealthContributorAutoConfiguration (to exclude or order against).
 */
@NullMarked
package io.github.agentprotocols.lime.autoconfigure.health;

import org.jspecify.annotations.NullMarked;
