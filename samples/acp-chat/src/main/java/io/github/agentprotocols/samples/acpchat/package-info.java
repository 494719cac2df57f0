/*
 * Copyright 2026-present the original author or authors.
 *
 * Licensed under the Apache License, Version 2.0 (the "License");
 * you may not use this file except in compliance with the License.
 * You may obtain a copy of the License at
 *
 *      https://www.apache.org/licenses/LICENSE-2.0
 *
 * Unless required by applicable law or agreed to in writing, software
 * distributed under the License is distributed on an "AS IS" BASIS,
 * WITHOUT WARRANTIES OR CONDITIONS OF ANY KIND, either express or implied.
 * See the License for the specific language governing permissions and
 * limitations under the License.
 */

/**
 * ACP chat sample: a chat page over ACP's REST API and Socket.IO, a demo assistant that
 * reasons, calls a tool and streams its answer, and an assistant on a Spring AI
 * {@code ChatClient} whose tool calls and results are events of its runs.
 */
@NullMarked
package io.github.agentprotocols.samples.acpchat;

import org.jspecify.annotations.NullMarked;
