/**
 * Happy task runner sample: runs a prompt as an agent session on a machine and prints the
 * turn as it runs.
 */
@NullMarked
package io.github.agentprotocols.samples.happyrunner;

import org.jspecify.annotations.NullMarked;
