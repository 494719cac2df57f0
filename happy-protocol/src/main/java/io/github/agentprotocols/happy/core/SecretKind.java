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

package io.github.agentprotocols.happy.core;

/**
 * What the 32-byte secret of {@link HappyCredentials} is, as far as its source tells.
 */
public enum SecretKind {

	/**
	 * The account master secret ({@code secret} of {@code agent.key} or a legacy
	 * {@code access.key}): opens every session and machine of the account, and signs the
	 * login challenge.
	 */
	MASTER_SECRET,

	/**
	 * A machine key ({@code encryption.machineKey} of a CLI-written {@code access.key}):
	 * opens only its own machine's record.
	 */
	MACHINE_KEY,

	/**
	 * Either of the above: the source (environment variable or inline value) does not
	 * say.
	 */
	UNKNOWN

}
