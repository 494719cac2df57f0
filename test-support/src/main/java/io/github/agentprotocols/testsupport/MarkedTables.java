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
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads the rows of the Markdown tables that a page marks with a comment line before
 * them, such as {@code <!-- spec-items HPP-12. -->}. A table ends at the first line that
 * is not a table row; rows of unmarked tables and separator rows are skipped.
 */
final class MarkedTables {

	private static final Pattern CELL_SEPARATOR = Pattern.compile("(?<!\\\\)\\|");

	private MarkedTables() {
	}

	/**
	 * Reads the rows of every marked table of a page.
	 * @param page the Markdown file
	 * @param marker the marker comment, whose group 1 is the marker's argument
	 * @return the rows in page order, the header row of each table included
	 */
	static List<Row> read(Path page, Pattern marker) {
		List<Row> rows = new ArrayList<>();
		String argument = null;
		boolean inTable = false;
		boolean header = false;
		try {
			List<String> lines = Files.readAllLines(page);
			for (int index = 0; index < lines.size(); index++) {
				String line = lines.get(index);
				Matcher match = marker.matcher(line);
				if (match.find()) {
					argument = match.group(1).trim();
					header = true;
					continue;
				}
				String trimmed = line.trim();
				if (!trimmed.startsWith("|")) {
					if (inTable) {
						argument = null;
						inTable = false;
					}
					continue;
				}
				inTable = true;
				if (argument == null || trimmed.matches("\\|[\\s|:-]*")) {
					continue;
				}
				rows.add(new Row(argument, cells(trimmed), trimmed, index, header));
				header = false;
			}
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		return rows;
	}

	private static List<String> cells(String row) {
		String inner = row.substring(1, row.length() - (row.endsWith("|") ? 1 : 0));
		return CELL_SEPARATOR.splitAsStream(inner).map(String::trim).toList();
	}

	/**
	 * One row of a marked table.
	 *
	 * @param marker the argument of the table's marker
	 * @param cells the row's cells, trimmed
	 * @param line the row as written, trimmed
	 * @param index the row's line in the page, from 0
	 * @param header whether the row is the first of its table
	 */
	record Row(String marker, List<String> cells, String line, int index, boolean header) {

	}

}
