package io.github.agentprotocols.testsupport;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Repeatable;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Names the item of a protocol's conformance checklist that a test proves, for example
 * {@code @SpecItem("HPP-12.18")}. {@link SpecItemTable} checks that a module's docs table
 * and these annotations agree.
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

		SpecItem[] value();

	}

}
