/**
 * LIME agent login sample: a page where an AI agent logs in, its outcome pushed over SSE.
 */
@NullMarked
package io.github.agentprotocols.samples.limelogin;

import org.jspecify.annotations.NullMarked;
