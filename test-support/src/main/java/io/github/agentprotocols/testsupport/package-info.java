/**
 * Test support shared by the starters, their test kits and the samples: database and
 * Redis fixtures, conformance-table and property-table checks, the starter contract
 * tests. Internal: not API, may change in any release.
 */
@NullMarked
package io.github.agentprotocols.testsupport;

import org.jspecify.annotations.NullMarked;
