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

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Repeatable;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Names the item of a protocol's conformance checklist that a test proves, for example
 * {@code @SpecItem("HPP-12.18")}. {@link SpecItemMarks} reads these annotations and
 * {@link SpecItemTable} generates the test cells of a module's docs table from them.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target({ ElementType.METHOD, ElementType.TYPE })
@Repeatable(SpecItem.List.class)
public @interface SpecItem {

	/**
	 * The checklist item: the docs table's prefix followed by the item's label.
	 * @return the item id
	 */
	String value();

	/**
	 * Holds repeated {@link SpecItem} annotations.
	 */
	@Documented
	@Retention(RetentionPolicy.RUNTIME)
	@Target({ ElementType.METHOD, ElementType.TYPE })
	@interface List {

		/**
		 * Return the spec items.
		 * @return the spec items
		 */
		SpecItem[] value();

	}

}
