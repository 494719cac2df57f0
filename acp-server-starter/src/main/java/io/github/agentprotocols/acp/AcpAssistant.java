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
