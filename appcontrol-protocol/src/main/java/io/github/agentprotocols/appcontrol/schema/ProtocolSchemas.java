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

package io.github.agentprotocols.appcontrol.schema;

import java.io.IOException;
import java.io.InputStream;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import com.networknt.schema.Error;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaLocation;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SchemaRegistryConfig;
import com.networknt.schema.SpecificationVersion;
import io.github.agentprotocols.appcontrol.AppControlException;
import io.github.agentprotocols.appcontrol.AppControlJson;
import io.github.agentprotocols.appcontrol.ProtocolValidationException;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;

/**
 * The nine packaged app-control JSON Schemas (draft 2020-12) and strict validation
 * against them. Instances are thread-safe; the constructor reads the nine documents, and
 * the validator (its draft 2020-12 meta-schemas) is set up and each schema compiled when
 * it first validates a payload: an application that never validates an observation never
 * compiles its schema. Each schema is also compiled into a {@link SchemaCheck}, which
 * accepts a valid payload without the library's walk; a payload it does not accept goes
 * through the library, so that errors are reported exactly as the library finds them.
 */
public final class ProtocolSchemas {

	/**
	 * Classpath folder of the schema files, the same relative path as the Python wheel.
	 */
	public static final String LOCATION = "app_control_protocol/schemas/";

	private static final List<String> NAMES = List.of("command", "observation", "event", "error", "service_request",
			"service_response", "service_event", "helper_request", "helper_response");

	private static volatile ProtocolSchemas shared;

	private final Map<String, JsonNode> documents = new LinkedHashMap<>();

	private final Map<String, Compiled> compiled = new ConcurrentHashMap<>();

	private final Object compiling = new Object();

	private final boolean checks;

	private @Nullable SchemaRegistry registry;

	/**
	 * Loads the nine schemas from the classpath; each is compiled when it first validates
	 * a payload.
	 */
	public ProtocolSchemas() {
		this(true);
	}

	/**
	 * Loads the nine schemas.
	 * @param checks whether payloads the compiled {@link SchemaCheck}s accept skip the
	 * validator library (false: every payload goes through it)
	 */
	ProtocolSchemas(boolean checks) {
		for (String name : NAMES) {
			this.documents.put(name, read(fileName(name)));
		}
		this.checks = checks;
	}

	/**
	 * A lazily created instance shared by callers that have no {@code ProtocolSchemas} of
	 * their own.
	 * @return the shared instance
	 */
	public static ProtocolSchemas shared() {
		ProtocolSchemas instance = shared;
		if (instance == null) {
			synchronized (ProtocolSchemas.class) {
				instance = shared;
				if (instance == null) {
					instance = new ProtocolSchemas();
					shared = instance;
				}
			}
		}
		return instance;
	}

	/**
	 * The schema names in canonical order.
	 * @return {@code command}, {@code observation}, {@code event}, {@code error},
	 * {@code service_request}, {@code service_response}, {@code service_event},
	 * {@code helper_request}, {@code helper_response}
	 */
	public static List<String> protocolSchemaNames() {
		return NAMES;
	}

	/**
	 * The file name of a schema inside {@link #LOCATION}.
	 * @param name a schema name or its hyphenated file stem
	 * @return the file name, such as {@code service-request.schema.json}
	 */
	public static String fileName(String name) {
		return canonicalName(name).replace('_', '-') + ".schema.json";
	}

	/**
	 * The parsed schema document.
	 * @param name a schema name or its hyphenated file stem
	 * @return the document as an ordered, immutable map
	 * @throws IllegalArgumentException for an unknown name
	 */
	public Map<String, Object> loadProtocolSchema(String name) {
		return toMap(this.documents.get(canonicalName(name)));
	}

	/**
	 * All nine parsed schema documents, in canonical order.
	 * @return the documents by name
	 */
	public Map<String, Map<String, Object>> loadProtocolSchemas() {
		Map<String, Map<String, Object>> all = new LinkedHashMap<>();
		this.documents.forEach((name, document) -> all.put(name, toMap(document)));
		return Collections.unmodifiableMap(all);
	}

	/**
	 * Validates a parsed payload strictly against a schema. A {@code String} payload is a
	 * JSON string, not JSON text (use {@link #validateProtocolJson} for text), so it
	 * fails as {@code $ must be an object}, as upstream's
	 * {@code validate_protocol_payload} does.
	 * @param name a schema name or its hyphenated file stem
	 * @param payload a map (or any parsed JSON value), a Jackson {@link JsonNode}, or a
	 * model
	 * @return the payload as a JSON map
	 * @throws ProtocolValidationException describing the first violation; keyword
	 * {@code depth} for a value nested more than {@link AppControlJson#MAX_DEPTH} levels
	 * deep or containing itself, {@code limit} for an integer field beyond the
	 * {@code long} range (which the models cannot hold), a nested command's
	 * {@code timeoutMs} included, and {@code type} for a nested command's null
	 * {@code input}, which the models refuse as the {@code command} schema does
	 * @throws IllegalArgumentException for an unknown name
	 */
	public Map<String, Object> validateProtocolPayload(String name, @Nullable Object payload) {
		String canonical = canonicalName(name);
		return validate(canonical, JsonTrees.toTree(canonical, payload));
	}

	/**
	 * Reads JSON text and validates it strictly against a schema.
	 * @param name a schema name or its hyphenated file stem
	 * @param json the JSON text of one document
	 * @return the payload as a JSON map
	 * @throws ProtocolValidationException describing the first violation; keyword
	 * {@code syntax} (or {@code depth}) when the text is not one JSON document,
	 * {@code model} (as lenient parsing refuses a null map) when it is null
	 * @throws IllegalArgumentException for an unknown name
	 */
	public Map<String, Object> validateProtocolJson(String name, @Nullable String json) {
		String canonical = canonicalName(name);
		JsonNode node;
		try {
			node = AppControlJson.readTree(json);
		}
		catch (ProtocolValidationException ex) {
			throw ex.forSchema(canonical);
		}
		return validate(canonical, node);
	}

	/**
	 * Validates a tree: a payload the compiled {@link SchemaCheck} accepts is valid; any
	 * other goes through the validator library, which says what is wrong with it.
	 */
	private Map<String, Object> validate(String canonical, JsonNode node) {
		JsonTrees.TreeCopy copy = new JsonTrees.TreeCopy(canonical);
		Map<String, Object> map = copy.toMap(node);
		Compiled compiled = compiled(canonical);
		SchemaCheck check = compiled.check();
		JsonNode document = this.documents.get(canonical);
		if (check == null || !copy.isExact() || !check.accepts(map)) {
			List<Error> errors = compiled.schema().validate(StrictIntegers.mark(document, node));
			if (!errors.isEmpty()) {
				throw ValidationErrors.first(canonical, errors);
			}
		}
		String beyondLong = StrictIntegers.beyondLong(document, node);
		if (beyondLong != null) {
			throw ProtocolValidationException.outOfRange(canonical, beyondLong);
		}
		NestedCommands.check(canonical, node);
		return map;
	}

	private Compiled compiled(String canonical) {
		return this.compiled.computeIfAbsent(canonical, (name) -> {
			JsonNode document = this.documents.get(name);
			JsonNode flat = FreeFormValues.flatten(document);
			synchronized (this.compiling) {
				SchemaRegistry registry = this.registry;
				if (registry == null) {
					registry = newRegistry();
					this.registry = registry;
				}
				return new Compiled(registry.getSchema(SchemaLocation.of(document.get("$id").asString()), flat),
						this.checks ? SchemaCheck.compile(flat) : null);
			}
		});
	}

	private static SchemaRegistry newRegistry() {
		// strict "type": an integer must not be written with a fraction or exponent
		// (1000.0)
		SchemaRegistryConfig config = SchemaRegistryConfig.builder().strict("type", true).build();
		return SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_2020_12,
				(builder) -> builder.schemaRegistryConfig(config));
	}

	/**
	 * Whether a schema has been compiled yet.
	 * @param name a schema name or its hyphenated file stem
	 * @return {@code true} once it has validated a payload
	 */
	boolean isCompiled(String name) {
		return this.compiled.containsKey(canonicalName(name));
	}

	/**
	 * A compiled schema: the validator library's, and the check that accepts valid
	 * payloads without it (null when the document uses a keyword the check does not
	 * know).
	 */
	private record Compiled(Schema schema, @Nullable SchemaCheck check) {
	}

	private static Map<String, Object> toMap(JsonNode node) {
		return JsonTrees.toMap("", node);
	}

	private static String canonicalName(String name) {
		String canonical = name.replace('-', '_');
		if (!NAMES.contains(canonical)) {
			throw new IllegalArgumentException("unknown protocol schema: " + name);
		}
		return canonical;
	}

	private static JsonNode read(String fileName) {
		try (InputStream in = ProtocolSchemas.class.getClassLoader().getResourceAsStream(LOCATION + fileName)) {
			if (in == null) {
				throw new AppControlException("missing schema resource " + LOCATION + fileName);
			}
			return AppControlJson.mapper().readTree(in);
		}
		catch (IOException ex) {
			throw new AppControlException("cannot read schema resource " + LOCATION + fileName, ex);
		}
	}

}
