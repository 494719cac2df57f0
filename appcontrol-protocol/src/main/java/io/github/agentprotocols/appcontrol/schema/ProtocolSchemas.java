package io.github.agentprotocols.appcontrol.schema;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.networknt.schema.Error;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaLocation;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SchemaRegistryConfig;
import com.networknt.schema.SpecificationVersion;
import io.github.agentprotocols.appcontrol.ProtocolJson;
import io.github.agentprotocols.appcontrol.ProtocolValidationException;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;

/**
 * The nine packaged app-control JSON Schemas (draft 2020-12) and strict validation
 * against them. Instances are immutable and thread-safe; compiling the schemas is done
 * once, in the constructor.
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

	private final Map<String, Schema> compiled = new LinkedHashMap<>();

	/**
	 * Loads and compiles the nine schemas from the classpath.
	 */
	public ProtocolSchemas() {
		// strict "type": an integer must not be written with a fraction or exponent
		// (1000.0)
		SchemaRegistryConfig config = SchemaRegistryConfig.builder().strict("type", true).build();
		SchemaRegistry registry = SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_2020_12,
				(builder) -> builder.schemaRegistryConfig(config));
		for (String name : NAMES) {
			JsonNode document = read(fileName(name));
			this.documents.put(name, document);
			this.compiled.put(name, registry.getSchema(SchemaLocation.of(document.get("$id").asString()),
					FreeFormValues.flatten(document)));
		}
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
	 * Validates a payload strictly against a schema.
	 * @param name a schema name or its hyphenated file stem
	 * @param payload a map, a Jackson {@link JsonNode} or JSON text
	 * @return the payload as a JSON map
	 * @throws ProtocolValidationException describing the first violation
	 * @throws IllegalArgumentException for an unknown name
	 */
	public Map<String, Object> validateProtocolPayload(String name, Object payload) {
		String canonical = canonicalName(name);
		JsonNode node = toNode(canonical, payload);
		List<Error> errors = this.compiled.get(canonical).validate(node);
		if (!errors.isEmpty()) {
			throw ValidationErrors.first(canonical, errors);
		}
		JsonNode document = this.documents.get(canonical);
		StrictIntegers.check(canonical, document, document, node, "");
		return toMap(node);
	}

	private static JsonNode toNode(String schemaName, Object payload) {
		if (payload instanceof JsonNode node) {
			return node;
		}
		if (payload instanceof String json) {
			try {
				return ProtocolJson.mapper().readTree(json);
			}
			catch (RuntimeException ex) {
				throw new ProtocolValidationException(schemaName, "", "type", "$ must be an object");
			}
		}
		return ProtocolJson.mapper().valueToTree(payload);
	}

	private static Map<String, Object> toMap(JsonNode node) {
		if (!node.isObject()) {
			return Map.of();
		}
		Map<String, Object> map = new LinkedHashMap<>();
		node.properties().forEach((property) -> map.put(property.getKey(), toValue(property.getValue())));
		return map;
	}

	private static @Nullable Object toValue(JsonNode node) {
		if (node.isObject()) {
			return toMap(node);
		}
		if (node.isArray()) {
			List<@Nullable Object> list = new ArrayList<>(node.size());
			node.forEach((item) -> list.add(toValue(item)));
			return list;
		}
		if (node.isString()) {
			return node.stringValue();
		}
		if (node.isNumber()) {
			return node.numberValue();
		}
		if (node.isBoolean()) {
			return node.booleanValue();
		}
		return null;
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
				throw new IllegalStateException("missing schema resource " + LOCATION + fileName);
			}
			return ProtocolJson.mapper().readTree(in);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

}
