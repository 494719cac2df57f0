/**
 * Passport JWT verification: keys from the LIME JWKS, signature and one validator per
 * claim check.
 */
@NullMarked
package io.github.agentprotocols.lime.passport;

import org.jspecify.annotations.NullMarked;
