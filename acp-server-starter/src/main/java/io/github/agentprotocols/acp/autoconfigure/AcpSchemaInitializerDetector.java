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

package io.github.agentprotocols.acp.autoconfigure;

import java.util.Set;

import io.github.agentprotocols.acp.r2dbc.AcpSchemaInitializer;

import org.springframework.boot.sql.init.dependency.AbstractBeansOfTypeDatabaseInitializerDetector;
import org.springframework.boot.sql.init.dependency.DatabaseInitializerDetector;
import org.springframework.util.ClassUtils;

/**
 * A {@link DatabaseInitializerDetector} for the {@link AcpSchemaInitializer}: beans that
 * depend on database initialization, the starter's schema check among them, are created
 * after it. Detects nothing without Spring's R2DBC support, which the initializer uses.
 */
class AcpSchemaInitializerDetector extends AbstractBeansOfTypeDatabaseInitializerDetector {

	private static final String DATABASE_CLIENT = "org.springframework.r2dbc.core.DatabaseClient";

	@Override
	protected Set<Class<?>> getDatabaseInitializerBeanTypes() {
		return ClassUtils.isPresent(DATABASE_CLIENT, getClass().getClassLoader()) ? Set.of(AcpSchemaInitializer.class)
				: Set.of();
	}

}
