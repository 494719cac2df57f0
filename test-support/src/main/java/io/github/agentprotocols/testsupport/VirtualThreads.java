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

import java.lang.reflect.Method;

/**
 * What a test of {@code spring.threads.virtual.enabled=true} expects of the thread that
 * ran a starter's blocking work, on the Java version the test runs on: a virtual thread
 * from Java 21, the platform threads of before on Java 17 (Spring Boot turns virtual
 * threads on only where the JVM has them). Compiled for Java 17, so it asks by
 * reflection.
 */
public final class VirtualThreads {

	private static final int FIRST_JAVA_WITH_VIRTUAL_THREADS = 21;

	private VirtualThreads() {
	}

	/**
	 * Whether this JVM has virtual threads.
	 * @return whether it is Java 21 or later
	 */
	public static boolean available() {
		return Runtime.version().feature() >= FIRST_JAVA_WITH_VIRTUAL_THREADS;
	}

	/**
	 * Whether a thread is virtual.
	 * @param thread the thread
	 * @return whether it is virtual; always {@code false} before Java 21
	 */
	public static boolean isVirtual(Thread thread) {
		if (!available()) {
			return false;
		}
		try {
			Method isVirtual = Thread.class.getMethod("isVirtual");
			return (boolean) isVirtual.invoke(thread);
		}
		catch (ReflectiveOperationException ex) {
			throw new IllegalStateException("Java " + Runtime.version().feature() + " has no Thread.isVirtual()", ex);
		}
	}

}
