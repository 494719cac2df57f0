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

package io.github.agentprotocols.testsupport;

import java.util.Locale;

/**
 * A module of the suite as the generated reference pages name it: one section of each
 * page.
 *
 * @param title the section's title, for example {@code HPP}
 * @param module the Maven module, for example {@code hpp-spring-boot-starter}
 * @param propertyPrefix the prefix of its configuration properties, for example
 * {@code hpp}
 * @param basePackage its base Java package, for example
 * {@code io.github.agentprotocols.hpp}
 * @param guide its reference page, relative to {@code docs/}, for example
 * {@code reference/hpp.md}
 */
public record ReferenceModule(String title, String module, String propertyPrefix, String basePackage, String guide) {

	boolean containsProperty(String name) {
		return name.equals(this.propertyPrefix) || name.startsWith(this.propertyPrefix + ".");
	}

	boolean containsType(String typeName) {
		return typeName.startsWith(this.basePackage + ".");
	}

	String anchor() {
		return this.title.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "-");
	}

}
