/**
 * ACP chat sample: a chat page over ACP's REST API and Socket.IO, and a demo assistant
 * that reasons, calls a tool and streams its answer.
 */
@NullMarked
package io.github.agentprotocols.samples.acpchat;

import org.jspecify.annotations.NullMarked;
