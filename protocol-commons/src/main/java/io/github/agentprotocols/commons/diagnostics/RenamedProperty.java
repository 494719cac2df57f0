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

package io.github.agentprotocols.commons.diagnostics;

import org.jspecify.annotations.Nullable;

/**
 * A configuration property that a starter renamed: its old name binds to nothing any
 * more.
 *
 * @param oldName the name it had
 * @param newName the name it has now
 * @param hint what else the user should know (such as changed values), or null
 */
public record RenamedProperty(String oldName, String newName, @Nullable String hint) {

	/**
	 * The reason a start-up that still sets the old name fails.
	 * @return the reason, naming the new property
	 */
	public String reason() {
		return "The property was renamed to '" + this.newName + "' and no longer has any effect; use '" + this.newName
				+ "' instead" + ((this.hint != null) ? " (" + this.hint + ")." : ".");
	}

}
