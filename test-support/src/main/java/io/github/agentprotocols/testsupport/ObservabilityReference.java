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

import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.reflect.Method;
import java.lang.reflect.Parameter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import io.micrometer.common.docs.KeyName;
import io.micrometer.observation.ObservationConvention;
import io.micrometer.observation.docs.ObservationDocumentation;
import org.jspecify.annotations.Nullable;

import org.springframework.core.annotation.MergedAnnotations;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;
import org.springframework.core.type.AnnotationMetadata;
import org.springframework.core.type.MethodMetadata;
import org.springframework.core.type.classreading.MetadataReaderFactory;
import org.springframework.core.type.classreading.SimpleMetadataReaderFactory;
import org.springframework.util.ClassUtils;

/**
 * The reference of what the suite reports to Micrometer and Spring Boot Actuator,
 * generated as one Markdown page from the code: the health contributors
 * (auto-configurations annotated {@code @ConditionalOnEnabledHealthIndicator} and their
 * {@code @Bean} methods), the actuator endpoints ({@code @Endpoint} classes and their
 * operations), the observations (every {@link ObservationDocumentation} enum) from the
 * classes on a class path, and the meters from the main sources (every {@code Counter},
 * {@code Timer}, {@code Gauge}, … {@code builder(...)} call, its tag keys and
 * description, up to its {@code register(...)}). A meter made any other way, or whose
 * name or tag key is neither a string literal nor a constant of its file, fails the
 * generation.
 */
public final class ObservabilityReference {

	private static final String ENDPOINT = "org.springframework.boot.actuate.endpoint.annotation.Endpoint";

	private static final String SELECTOR = "org.springframework.boot.actuate.endpoint.annotation.Selector";

	private static final Map<String, String> OPERATIONS = new LinkedHashMap<>();

	static {
		OPERATIONS.put("org.springframework.boot.actuate.endpoint.annotation.ReadOperation", "GET");
		OPERATIONS.put("org.springframework.boot.actuate.endpoint.annotation.WriteOperation", "POST");
		OPERATIONS.put("org.springframework.boot.actuate.endpoint.annotation.DeleteOperation", "DELETE");
	}

	private static final String HEALTH = "org.springframework.boot.health.autoconfigure.contributor.ConditionalOnEnabledHealthIndicator";

	private static final String BEAN = "org.springframework.context.annotation.Bean";

	private static final Pattern METER = Pattern
		.compile("\\b(Counter|Timer|Gauge|DistributionSummary|LongTaskTimer|FunctionCounter|FunctionTimer|TimeGauge)"
				+ "\\.builder\\(\\s*(\"(?:[^\"\\\\]|\\\\.)*\"|[A-Za-z_][\\w.]*)");

	private static final Pattern SHORTCUT = Pattern
		.compile("\\b[Rr]egistry\\s*\\.\\s*(counter|timer|summary|gauge|gaugeCollectionSize|gaugeMapSize)\\s*\\(");

	private static final Pattern TAG = Pattern.compile("\\.tag\\(\\s*(\"[^\"]*\"|[A-Za-z_][\\w.]*)");

	private static final Pattern DESCRIPTION = Pattern.compile("\\.description\\(\\s*\"((?:[^\"\\\\]|\\\\.)*)\"");

	private static final Pattern BASE_UNIT = Pattern.compile("\\.baseUnit\\(\\s*\"([^\"]*)\"");

	private final List<ReferenceModule> modules;

	private final ClassLoader classLoader;

	private final Path root;

	private ObservabilityReference(List<ReferenceModule> modules, ClassLoader classLoader, Path root) {
		this.modules = modules;
		this.classLoader = classLoader;
		this.root = root;
	}

	/**
	 * Creates the reference of the given modules.
	 * @param modules the modules, in the page's order
	 * @param classLoader where to find their classes
	 * @param root the repository's root, whose {@code *}{@code /src/main/java}
	 * directories hold the main sources
	 * @return the reference
	 */
	public static ObservabilityReference of(List<ReferenceModule> modules, ClassLoader classLoader, Path root) {
		return new ObservabilityReference(modules, classLoader, root);
	}

	/**
	 * Renders the page.
	 * @param intro the Markdown after the title: how the page is generated and
	 * regenerated
	 * @return the page
	 * @throws IllegalStateException if a module has no meter, observation, health
	 * contributor or endpoint, or a meter cannot be read
	 */
	public String render(String intro) {
		StringBuilder page = new StringBuilder("# Observability reference\n\n").append(intro).append("\n\n");
		page.append("What each starter reports to Spring Boot Actuator and Micrometer: its health contributor, ")
			.append("its actuator endpoint, its meters and its observations. Meters are registered when the ")
			.append("application has a `MeterRegistry` bean (for example with `spring-boot-starter-actuator`). ")
			.append("With Spring Boot's default observation handlers, each observation is also a timer of the same ")
			.append("name whose tags are the observation's low-cardinality keys (and a long task timer `<name>.active` ")
			.append("while it runs), and, with tracing, a span that carries the high-cardinality keys too.\n\n")
			.append("- [Health contributors](#health-contributors)\n- [Actuator endpoints](#actuator-endpoints)\n")
			.append("- [Meters](#meters)\n- [Observations](#observations)\n");
		renderHealth(page);
		renderEndpoints(page);
		page.append("\n## Meters\n");
		for (ReferenceModule module : this.modules) {
			renderMeters(page, module);
		}
		page.append("\n## Observations\n");
		for (ReferenceModule module : this.modules) {
			renderObservations(page, module);
		}
		return page.toString();
	}

	private void renderHealth(StringBuilder page) {
		page.append("\n## Health contributors\n\nEvery contributor is a member of the `agentProtocols` health group ")
			.append("(`/actuator/health/agentProtocols`).\n\n")
			.append("| Starter | Contributor | Turned off by |\n|---|---|---|\n");
		for (ReferenceModule module : this.modules) {
			List<String> rows = new ArrayList<>();
			for (AnnotationMetadata type : types(module)) {
				Map<String, @Nullable Object> health = type.getAnnotationAttributes(HEALTH);
				if (health == null) {
					continue;
				}
				String key = String.valueOf(health.get("value"));
				for (MethodMetadata bean : type.getAnnotatedMethods(BEAN)) {
					String contributor = bean.getMethodName().replaceFirst("Health(Indicator|Contributor)$", "");
					rows.add("| " + module.title() + " | `" + contributor + "` | `management.health." + key
							+ ".enabled=false` |");
				}
			}
			require(module, "health contributor", rows);
			rows.stream().sorted().forEach((row) -> page.append(row).append('\n'));
		}
	}

	private void renderEndpoints(StringBuilder page) {
		page.append("\n## Actuator endpoints\n\nExposed over HTTP when listed in ")
			.append("`management.endpoints.web.exposure.include`; `management.endpoint.<id>.access` limits them.\n\n")
			.append("| Starter | Endpoint id | Operations |\n|---|---|---|\n");
		for (ReferenceModule module : this.modules) {
			List<String> rows = new ArrayList<>();
			for (AnnotationMetadata type : types(module)) {
				Map<String, @Nullable Object> endpoint = type.getAnnotationAttributes(ENDPOINT);
				if (endpoint != null) {
					String id = String.valueOf(endpoint.get("id"));
					rows.add("| " + module.title() + " | `" + id + "` | " + String.join(", ", operations(type, id))
							+ " |");
				}
			}
			require(module, "actuator endpoint", rows);
			rows.stream().sorted().forEach((row) -> page.append(row).append('\n'));
		}
	}

	/**
	 * The operations of an endpoint, by path, then in the order read, write, delete.
	 */
	private Collection<String> operations(AnnotationMetadata type, String id) {
		Map<String, String> operations = new TreeMap<>();
		for (Method method : load(type.getClassName()).getDeclaredMethods()) {
			MergedAnnotations annotations = MergedAnnotations.from(method);
			OPERATIONS.forEach((annotation, verb) -> {
				if (annotations.isPresent(annotation)) {
					StringBuilder path = new StringBuilder("/actuator/").append(id);
					for (Parameter parameter : method.getParameters()) {
						if (MergedAnnotations.from(parameter).isPresent(SELECTOR)) {
							path.append("/{").append(parameter.getName()).append('}');
						}
					}
					int order = List.copyOf(OPERATIONS.values()).indexOf(verb);
					operations.put(path + " " + order, "`" + verb + " " + path + "`");
				}
			});
		}
		return operations.values();
	}

	private void renderMeters(StringBuilder page, ReferenceModule module) {
		Map<String, MeterRow> meters = meters(sources(module));
		require(module, "meter", meters.keySet());
		page.append("\n### ")
			.append(module.title())
			.append(" meters\n\n| Name | Type | Tags | Description |\n|---|---|---|---|\n");
		meters.values()
			.forEach((meter) -> page.append("| `")
				.append(meter.name)
				.append("` | ")
				.append(meter.type)
				.append(" | ")
				.append(meter.tags.stream().map((tag) -> "`" + tag + "`").collect(Collectors.joining(", ")))
				.append(" | ")
				.append(meter.description)
				.append(" |\n"));
	}

	private void renderObservations(StringBuilder page, ReferenceModule module) {
		Map<String, String> rows = new TreeMap<>();
		for (AnnotationMetadata type : types(module)) {
			if (!"java.lang.Enum".equals(type.getSuperClassName())
					|| !Arrays.asList(type.getInterfaceNames()).contains(ObservationDocumentation.class.getName())) {
				continue;
			}
			for (Object constant : load(type.getClassName()).getEnumConstants()) {
				ObservationDocumentation observation = (ObservationDocumentation) constant;
				String name = observationName(observation);
				rows.put(name, "| `" + name + "` | " + keys(observation.getLowCardinalityKeyNames()) + " | "
						+ keys(observation.getHighCardinalityKeyNames()) + " |");
			}
		}
		require(module, "observation", rows.keySet());
		page.append("\n### ")
			.append(module.title())
			.append(" observations\n\n| Name | Low-cardinality keys | High-cardinality keys |\n|---|---|---|\n");
		rows.values().forEach((row) -> page.append(row).append('\n'));
	}

	private static String observationName(ObservationDocumentation observation) {
		String name = observation.getName();
		if (name != null) {
			return name;
		}
		Class<? extends ObservationConvention<?>> convention = observation.getDefaultConvention();
		if (convention == null) {
			throw new IllegalStateException(observation + " has neither a name nor a default convention");
		}
		try {
			var constructor = convention.getDeclaredConstructor();
			constructor.setAccessible(true);
			String conventionName = constructor.newInstance().getName();
			if (conventionName == null) {
				throw new IllegalStateException(convention.getName() + " names no observation");
			}
			return conventionName;
		}
		catch (ReflectiveOperationException ex) {
			throw new IllegalStateException("Cannot create " + convention.getName(), ex);
		}
	}

	private static String keys(KeyName[] keys) {
		return Arrays.stream(keys)
			.map(KeyName::asString)
			.sorted()
			.map((key) -> "`" + key + "`")
			.collect(Collectors.joining(", "));
	}

	private List<AnnotationMetadata> types(ReferenceModule module) {
		PathMatchingResourcePatternResolver resolver = new PathMatchingResourcePatternResolver(this.classLoader);
		MetadataReaderFactory readers = new SimpleMetadataReaderFactory(this.classLoader);
		List<AnnotationMetadata> types = new ArrayList<>();
		try {
			Set<String> seen = new LinkedHashSet<>();
			for (Resource resource : resolver.getResources(
					"classpath*:" + ClassUtils.convertClassNameToResourcePath(module.basePackage()) + "/**/*.class")) {
				AnnotationMetadata type = readers.getMetadataReader(resource).getAnnotationMetadata();
				if (seen.add(type.getClassName())) {
					types.add(type);
				}
			}
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		return types;
	}

	private Class<?> load(String className) {
		try {
			return ClassUtils.forName(className, this.classLoader);
		}
		catch (ClassNotFoundException | LinkageError ex) {
			throw new IllegalStateException("Cannot load " + className, ex);
		}
	}

	private List<Path> sources(ReferenceModule module) {
		String packagePath = module.basePackage().replace('.', '/');
		try (Stream<Path> modules = Files.list(this.root)) {
			List<Path> sources = new ArrayList<>();
			for (Path directory : modules.map((path) -> path.resolve("src/main/java").resolve(packagePath))
				.filter(Files::isDirectory)
				.sorted()
				.toList()) {
				try (Stream<Path> files = Files.walk(directory)) {
					files.filter((file) -> file.toString().endsWith(".java")).sorted().forEach(sources::add);
				}
			}
			return sources;
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	/**
	 * The meters that the given source files build, by name.
	 */
	static Map<String, MeterRow> meters(List<Path> files) {
		Map<String, MeterRow> meters = new TreeMap<>();
		for (Path file : files) {
			readMeters(file, meters);
		}
		return meters;
	}

	private static void readMeters(Path file, Map<String, MeterRow> meters) {
		String source;
		try {
			source = Files.readString(file);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		Matcher shortcut = SHORTCUT.matcher(source);
		if (shortcut.find()) {
			throw new IllegalStateException(file + " makes a meter with MeterRegistry." + shortcut.group(1)
					+ "(...), which the reference cannot read: use a builder");
		}
		Matcher meter = METER.matcher(source);
		while (meter.find()) {
			int register = source.indexOf(".register(", meter.end());
			if (register < 0) {
				throw new IllegalStateException(file + ": the meter " + meter.group(2) + " is never registered");
			}
			String chain = source.substring(meter.end(), register);
			String name = literal(meter.group(2), source, file);
			MeterRow row = meters.computeIfAbsent(name, (key) -> new MeterRow(key, meter.group(1)));
			Matcher tag = TAG.matcher(chain);
			while (tag.find()) {
				row.tags.add(literal(tag.group(1), source, file));
			}
			for (String key : tagsOfKeys(chain)) {
				row.tags.add(literal(key, source, file));
			}
			Matcher description = DESCRIPTION.matcher(chain);
			if (description.find() && row.description.isEmpty()) {
				Matcher unit = BASE_UNIT.matcher(chain);
				row.description = description.group(1).replace("\\\"", "\"").replace("|", "\\|")
						+ (unit.find() ? " (" + unit.group(1) + ")" : "");
			}
		}
	}

	/**
	 * The keys of a {@code Tags.of(key, value, ...)} call: its arguments at even
	 * positions.
	 */
	private static List<String> tagsOfKeys(String chain) {
		int start = chain.indexOf("Tags.of(");
		if (start < 0) {
			return List.of();
		}
		List<String> arguments = new ArrayList<>();
		int depth = 0;
		boolean quoted = false;
		StringBuilder argument = new StringBuilder();
		for (int i = start + "Tags.of(".length(); i < chain.length(); i++) {
			char c = chain.charAt(i);
			if (c == '"' && chain.charAt(i - 1) != '\\') {
				quoted = !quoted;
			}
			else if (!quoted && c == '(') {
				depth++;
			}
			else if (!quoted && c == ')' && depth-- == 0) {
				arguments.add(argument.toString().trim());
				break;
			}
			else if (!quoted && c == ',' && depth == 0) {
				arguments.add(argument.toString().trim());
				argument.setLength(0);
				continue;
			}
			argument.append(c);
		}
		List<String> keys = new ArrayList<>();
		for (int i = 0; i < arguments.size(); i += 2) {
			keys.add(arguments.get(i));
		}
		return keys;
	}

	/**
	 * The value of a string literal, or of a {@code static final String} constant
	 * declared in the same file.
	 */
	private static String literal(String expression, String source, Path file) {
		if (expression.startsWith("\"")) {
			return expression.substring(1, expression.length() - 1);
		}
		String constant = expression.substring(expression.lastIndexOf('.') + 1);
		Matcher declaration = Pattern
			.compile("static\\s+final\\s+String\\s+" + Pattern.quote(constant) + "\\s*=\\s*\"([^\"]*)\"")
			.matcher(source);
		if (!declaration.find()) {
			throw new IllegalStateException(file + ": " + expression
					+ " is neither a string literal nor a String constant of the file; the reference cannot read it");
		}
		return declaration.group(1);
	}

	private static void require(ReferenceModule module, String what, Collection<String> found) {
		if (found.isEmpty()) {
			throw new IllegalStateException("No " + what + " of " + module.module() + " found");
		}
	}

	static final class MeterRow {

		private final String name;

		private final String type;

		private final Set<String> tags = new TreeSet<>();

		private String description = "";

		private MeterRow(String name, String type) {
			this.name = name;
			this.type = type;
		}

		String type() {
			return this.type;
		}

		Set<String> tags() {
			return this.tags;
		}

		String description() {
			return this.description;
		}

	}

}
