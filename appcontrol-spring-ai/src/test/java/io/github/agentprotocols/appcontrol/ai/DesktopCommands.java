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

package io.github.agentprotocols.appcontrol.ai;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The {@link DesktopTool} and its three commands as beans.
 */
@Configuration(proxyBeanMethods = false)
public class DesktopCommands {

	@Bean
	DesktopTool desktopTool() {
		return new DesktopTool();
	}

	@Bean
	CommandDeclaration click() {
		return DesktopTool.DECLARATIONS.get(0);
	}

	@Bean
	CommandDeclaration close() {
		return DesktopTool.DECLARATIONS.get(1);
	}

	@Bean
	CommandDeclaration delete() {
		return DesktopTool.DECLARATIONS.get(2);
	}

}
