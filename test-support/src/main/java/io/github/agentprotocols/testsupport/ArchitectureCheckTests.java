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
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.domain.JavaCodeUnit;
import com.tngtech.archunit.core.domain.JavaField;
import com.tngtech.archunit.core.domain.JavaMember;
import com.tngtech.archunit.core.domain.JavaModifier;
import com.tngtech.archunit.core.domain.JavaType;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.Location;
import com.tngtech.archunit.lang.ArchRule;
import org.jspecify.annotations.NullMarked;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestInstance.Lifecycle;

import org.springframework.beans.factory.config.BeanFactoryPostProcessor;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.methods;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The architecture rules Spring Boot's build applies to each of its modules, applied to
 * the main classes of one of ours: no package tangles, every package {@code @NullMarked},
 * no case conversion without a {@code Locale}, static {@code @Bean} methods for post
 * processors; and one of our own: the public API exposes no type marked
 * {@code @Internal}. A module with main code has a test that extends this class; a
 * failure names the offending classes. There is no list of exceptions: a class that
 * breaks a rule is moved or changed. The module's classes are imported once for all the
 * rules.
 */
@TestInstance(Lifecycle.PER_CLASS)
public abstract class ArchitectureCheckTests {

	private static final String BASE_PACKAGE = "io.github.agentprotocols";

	private static final String INTERNAL = "io.github.agentprotocols.commons.Internal";

	private final JavaClasses classes;

	private final Map<String, Boolean> internalPackages = new HashMap<>();

	/**
	 * Create the checks of the module whose classes are on the test's class path.
	 */
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

	/**
	 * The public API of the module (every public type outside a package or type marked
	 * {@code @Internal}, nested types included when their enclosing types are API) never
	 * exposes an internal type: not as a supertype, nor in the type of a public or
	 * protected field, nor in the return, parameter, type-parameter or thrown types of a
	 * public or protected method or constructor. Configuration classes are API by name
	 * only (to exclude or order them), so their members are not checked.
	 */
	@Test
	void publicApiExposesNoInternalType() {
		Set<String> exposures = new TreeSet<>();
		this.classes.stream().filter(this::isApi).forEach((type) -> {
			Stream.concat(Stream.of(type.getSuperclass().orElse(null)), type.getInterfaces().stream())
				.filter((supertype) -> supertype != null)
				.forEach((supertype) -> internalTypesIn(supertype)
					.forEach((internal) -> exposures.add(type.getName() + " extends " + internal)));
			if (!type.isMetaAnnotatedWith(Configuration.class)) {
				type.getMembers()
					.stream()
					.filter(ArchitectureCheckTests::isVisible)
					.forEach((member) -> signatureTypes(member).flatMap(this::internalTypesIn)
						.forEach((internal) -> exposures.add(member.getFullName() + " exposes " + internal)));
			}
		});
		assertThat(exposures).as("public API exposing types of @Internal packages or types").isEmpty();
	}

	private boolean isApi(JavaClass type) {
		if (!type.getPackageName().startsWith(BASE_PACKAGE) || type.getSimpleName().equals("package-info")
				|| !type.getModifiers().contains(JavaModifier.PUBLIC) || isInternal(type)) {
			return false;
		}
		return type.getEnclosingClass().map(this::isApi).orElse(true);
	}

	private boolean isInternal(JavaClass type) {
		if (type.isAnnotatedWith(INTERNAL)) {
			return true;
		}
		return type.getEnclosingClass()
			.map(this::isInternal)
			.orElseGet(() -> this.internalPackages.computeIfAbsent(type.getPackageName(), this::isInternalPackage));
	}

	private boolean isInternalPackage(String packageName) {
		try {
			Class<?> packageInfo = Class.forName(packageName + ".package-info", false, getClass().getClassLoader());
			return new ClassFileImporter().importClasses(packageInfo).get(packageInfo).isAnnotatedWith(INTERNAL);
		}
		catch (ClassNotFoundException ex) {
			return false;
		}
	}

	private static boolean isVisible(JavaMember member) {
		Set<JavaModifier> modifiers = member.getModifiers();
		return (modifiers.contains(JavaModifier.PUBLIC) || modifiers.contains(JavaModifier.PROTECTED))
				&& !modifiers.contains(JavaModifier.SYNTHETIC) && !modifiers.contains(JavaModifier.BRIDGE);
	}

	private static Stream<JavaType> signatureTypes(JavaMember member) {
		if (member instanceof JavaField field) {
			return Stream.of(field.getType());
		}
		JavaCodeUnit codeUnit = (JavaCodeUnit) member;
		Stream<JavaType> thrown = codeUnit.getThrowsClause().getTypes().stream().map(JavaType.class::cast);
		Stream<JavaType> bounds = codeUnit.getTypeParameters()
			.stream()
			.flatMap((parameter) -> parameter.getBounds().stream());
		return Stream.of(Stream.of(codeUnit.getReturnType()), codeUnit.getParameterTypes().stream(), thrown, bounds)
			.flatMap((types) -> types);
	}

	private Stream<String> internalTypesIn(JavaType type) {
		return type.getAllInvolvedRawTypes()
			.stream()
			.map((raw) -> raw.isArray() ? raw.getBaseComponentType() : raw)
			.filter((raw) -> raw.getPackageName().startsWith(BASE_PACKAGE) && isInternal(raw))
			.map(JavaClass::getName);
	}

}
