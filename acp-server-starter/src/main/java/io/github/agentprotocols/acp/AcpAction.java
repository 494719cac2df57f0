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

package io.github.agentprotocols.acp;

/**
 * The actions an {@link AcpAuthorizer} is asked about (spec §3.4), each named as on the
 * wire.
 */
public enum AcpAction {

	/** Reading a thread, its events, members or runs; joining its room. */
	THREAD_READ("thread.read"),

	/** Patching a thread's metadata or tenant. */
	THREAD_UPDATE("thread.update"),

	/** Deleting a thread. */
	THREAD_DELETE("thread.delete"),

	/** Posting a message. */
	MESSAGE_SEND("message.send"),

	/** Starting runs of assistants. */
	ASSISTANT_INVOKE("assistant.invoke"),

	/** Adding a member. */
	MEMBER_ADD("member.add"),

	/** Removing a member. */
	MEMBER_REMOVE("member.remove"),

	/** Cancelling a run. */
	RUN_CANCEL("run.cancel");

	private final String wireName;

	AcpAction(String wireName) {
		this.wireName = wireName;
	}

	/**
	 * The action as the protocol names it.
	 * @return for example {@code thread.read}
	 */
	public String wireName() {
		return this.wireName;
	}

}
