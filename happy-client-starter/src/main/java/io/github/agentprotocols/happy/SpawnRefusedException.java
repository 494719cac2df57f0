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

package io.github.agentprotocols.happy;

/**
 * A {@link SpawnException} for a spawn the daemon refused for what it was asked, before
 * starting anything (spec §6.2): the directory is missing and its creation was not
 * approved ({@code requestToApproveDirectoryCreation}), or the daemon answered
 * {@code Directory is required}, {@code Unsupported agent type: …} or
 * {@code Unable to create directory at …}. Retrying the same request fails the same way;
 * a changed directory, agent or {@code createDir} may succeed.
 */
public class SpawnRefusedException extends SpawnException {

	/**
	 * Creates an exception with the given message.
	 * @param message the detail message, naming the machine and the daemon's reason
	 */
	public SpawnRefusedException(String message) {
		super(message);
	}

}
