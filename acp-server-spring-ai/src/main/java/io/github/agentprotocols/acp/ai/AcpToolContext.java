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

package io.github.agentprotocols.acp.ai;

import java.util.Objects;

import io.github.agentprotocols.acp.AcpThread;
import io.github.agentprotocols.acp.HandlerContext;
import io.github.agentprotocols.acp.Identity;
import io.github.agentprotocols.acp.Run;
import io.github.agentprotocols.acp.TenantScope;
import org.springframework.ai.chat.model.ToolContext;

/**
 * What a tool called by a {@link ChatClientAssistant} knows of the run that called it, so
 * it can authorise: read it with {@link #from(ToolContext)} in a {@code @Tool} method
 * that takes a {@link ToolContext}. It is in the context under {@link #KEY}, beside any
 * tool context of the application's own.
 *
 * @param thread the run's thread, as it was when the run started
 * @param run the run
 * @param invoker who invoked the run: the REST or Socket.IO caller, or the invoking
 * assistant of a chained run
 * @param tenant the invoker's tenant
 */
public record AcpToolContext(AcpThread thread, Run run, Identity invoker, TenantScope tenant) {

	/**
	 * The key of the {@code AcpToolContext} in the tool context.
	 */
	public static final String KEY = "acp";

	/**
	 * Create a new {@code AcpToolContext}.
	 * @param thread the run's thread
	 * @param run the run
	 * @param invoker who invoked the run
	 * @param tenant the invoker's tenant
	 */
	public AcpToolContext {
		Objects.requireNonNull(thread, "thread");
		Objects.requireNonNull(run, "run");
		Objects.requireNonNull(invoker, "invoker");
		Objects.requireNonNull(tenant, "tenant");
	}

	/**
	 * The ACP context of a tool call.
	 * @param toolContext the context Spring AI gave the tool
	 * @return the run's context
	 * @throws IllegalArgumentException when the tool was not called by a
	 * {@link ChatClientAssistant}
	 */
	public static AcpToolContext from(ToolContext toolContext) {
		if (toolContext.getContext().get(KEY) instanceof AcpToolContext context) {
			return context;
		}
		throw new IllegalArgumentException(
				"the tool was not called by an ACP assistant: no '" + KEY + "' in its context");
	}

	static AcpToolContext of(HandlerContext context) {
		Identity invoker = context.run().triggeredBy();
		return new AcpToolContext(context.thread(), context.run(), invoker, invoker.tenant());
	}

}
