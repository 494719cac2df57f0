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

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.domain.JavaModifier;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.Location;
import com.tngtech.archunit.lang.ArchRule;
import org.jspecify.annotations.NullMarked;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.config.BeanFactoryPostProcessor;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.context.annotation.Bean;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.methods;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The architecture rules Spring Boot's build applies to each of its modules, applied to
 * the main classes of one of ours: no package tangles, every package {@code @NullMarked},
 * no case conversion without a {@code Locale}, static {@code @Bean} methods for post
 * processors. A module with main code has a test that extends this class; a failure names
 * the offending classes. There is no list of exceptions: a class that breaks a rule is
 * moved or changed.
 */
public abstract class ArchitectureCheckTests {

	private static final String BASE_PACKAGE = "io.github.agentprotocols";

	private final JavaClasses classes;

	protected ArchitectureCheckTests() {
		Location location = mainClasses();
		this.classes = new ClassFileImporter().importLocations(Set.of(location));
		assertThat(this.classes).as("main classes under %s", location).isNotEmpty();
	}

	/**
	 * Where the module's main classes are: {@code target/classes} of the module under
	 * test (the working directory of Surefire and Failsafe).
	 * @return the location to check
	 */
	protected Location mainClasses() {
		Path classes = Path.of("target", "classes").toAbsolutePath();
		assertThat(Files.isDirectory(classes)).as("compiled main classes in %s", classes).isTrue();
		return Location.of(classes);
	}

	@Test
	void packagesAreFreeOfTangles() {
		ArchRule rule = slices().matching("(**)")
			.namingSlices("package $1")
			.as("all packages")
			.should()
			.beFreeOfCycles();
		rule.check(this.classes);
	}

	@Test
	void everyPackageHasANullMarkedPackageInfo() {
		Set<String> packages = this.classes.stream()
			.filter((type) -> type.getPackageName().startsWith(BASE_PACKAGE))
			.map(JavaClass::getPackageName)
			.collect(Collectors.toCollection(TreeSet::new));
		Set<String> nullMarked = this.classes.stream()
			.filter((type) -> type.getSimpleName().equals("package-info"))
			.filter((type) -> type.isAnnotatedWith(NullMarked.class))
			.map(JavaClass::getPackageName)
			.collect(Collectors.toCollection(TreeSet::new));
		packages.removeAll(nullMarked);
		assertThat(packages).as("packages without a package-info annotated with @NullMarked").isEmpty();
	}

	@Test
	void caseConversionNamesItsLocale() {
		ArchRule rule = noClasses().should()
			.callMethod(String.class, "toLowerCase")
			.orShould()
			.callMethod(String.class, "toUpperCase")
			.because("the default locale changes the result (Turkish 'I'); pass Locale.ROOT");
		rule.check(this.classes);
	}

	@Test
	void postProcessorBeanMethodsAreStatic() {
		ArchRule rule = methods().that()
			.areAnnotatedWith(Bean.class)
			.and()
			.haveRawReturnType(DescribedPredicate.describe("a bean or bean factory post processor",
					(JavaClass type) -> type.isAssignableTo(BeanPostProcessor.class)
							|| type.isAssignableTo(BeanFactoryPostProcessor.class)))
			.should()
			.haveModifier(JavaModifier.STATIC)
			.because("a post processor created by an instance method initialises its configuration class too early")
			.allowEmptyShould(true);
		rule.check(this.classes);
	}

}
