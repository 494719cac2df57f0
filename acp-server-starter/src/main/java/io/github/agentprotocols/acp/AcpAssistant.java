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

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import org.springframework.aot.hint.annotation.Reflective;

/**
 * Registers an assistant under its id (spec §6.3), the Java form of
 * {@code @acp.assistant("helper")}. Three places are recognised:
 * <ul>
 * <li>a bean class implementing {@link AssistantHandler};</li>
 * <li>a {@code @Bean} method returning an {@link AssistantHandler};</li>
 * <li>a method of any bean that returns a {@code Publisher<Event>} (such as
 * {@code Flux<Event>}) and takes a {@link HandlerContext}, a {@link HandlerSend}, both,
 * or neither.</li>
 * </ul>
 * Ids are unique: two registrations of one id fail the application's start-up, and so
 * does an {@link AssistantHandler} bean without this annotation.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target({ ElementType.TYPE, ElementType.METHOD })
@Reflective
public @interface AcpAssistant {

	/**
	 * The assistant id: the identity id the assistant has as a thread member.
	 * @return the id
	 */
	String value();

}
