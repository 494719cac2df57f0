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

package io.github.agentprotocols.samples.showcase.appcontrol;

import java.util.List;

/**
 * One operation of the {@link DemoDesktopClient}, as the app-control page offers it.
 *
 * @param operation the command's {@code operation}
 * @param title what it does, for people
 * @param arguments its {@code input} keys, in the order the page asks for them
 */
record DemoCommand(String operation, String title, List<Argument> arguments) {

	/**
	 * One {@code input} key of a demo command.
	 *
	 * @param name the key
	 * @param label its label on the page
	 * @param example the value the page suggests
	 */
	record Argument(String name, String label, String example) {

	}

}
