/**
 * Passport JWT verification: keys from the LIME JWKS, signature and one validator per
 * claim check.
 * <p>
 * API: PassportVerifier, PassportValidator, PassportValidators and the validators it
 * composes, BindingIdCheck; JwksResourceRetriever is internal.
 */
@NullMarked
package io.github.agentprotocols.lime.passport;

import org.jspecify.annotations.NullMarked;
