package io.github.agentprotocols.appcontrol;

import org.jspecify.annotations.Nullable;

/**
 * A payload or model that breaks the app-control contract: a JSON Schema violation or a
 * model-construction invariant. Carries the RFC 6901 pointer of the offending value, the
 * failing keyword ({@code model} for construction errors) and, for schema violations, the
 * schema name.
 */
public class ProtocolValidationException extends IllegalArgumentException {

	/** Keyword reported for model-construction errors. */
	public static final String MODEL = "model";

	private final @Nullable String schemaName;

	private final String pointer;

	private final String keyword;

	public ProtocolValidationException(@Nullable String schemaName, String pointer, String keyword, String message) {
		super(message);
		this.schemaName = schemaName;
		this.pointer = pointer;
		this.keyword = keyword;
	}

	/**
	 * A model-construction error for the wire field at the given pointer.
	 * @param pointer the JSON pointer, such as {@code /commandId}
	 * @param message the upstream message
	 * @return the exception
	 */
	public static ProtocolValidationException model(String pointer, String message) {
		return new ProtocolValidationException(null, pointer, MODEL, message);
	}

	/**
	 * Name of the violated schema, or null for model errors.
	 * @return the schema name
	 */
	public @Nullable String getSchemaName() {
		return this.schemaName;
	}

	/**
	 * JSON pointer of the offending value; for a missing property, the pointer of that
	 * property. The root is the empty string.
	 * @return the pointer
	 */
	public String getPointer() {
		return this.pointer;
	}

	/**
	 * The same location in the upstream path notation, such as {@code $.items[0]}.
	 * @return the path
	 */
	public String getPath() {
		return JsonPointers.toPath(this.pointer);
	}

	/**
	 * The failing JSON Schema keyword, or {@code model}.
	 * @return the keyword
	 */
	public String getKeyword() {
		return this.keyword;
	}

}
