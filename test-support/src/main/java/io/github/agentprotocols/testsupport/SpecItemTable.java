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
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * A conformance table of a docs page, whose test cells are generated from the
 * {@link SpecItem} marks of a module's tests ({@link SpecItemMarks}).
 * <p>
 * A table is marked by a line {@code <!-- spec-items PREFIX -->} before it. The first
 * cell of each row is the item's label; its id is {@code PREFIX + label} (for example
 * {@code <!-- spec-items HPP-12. -->} and a row {@code | 18 | ... |} give
 * {@code HPP-12.18}). The last cell names the tests that carry the id, as
 * {@link SpecItemMarks#testCell} writes it; the cells between are written by hand. A last
 * cell that starts with {@code **not run} declares the item unproven here, is written by
 * hand too, and no test may carry its id.
 * <p>
 * A user page summarises the items in a table marked {@code <!-- spec-summary -->}: one
 * row per section (the {@code ##} heading above the section's tables, without a trailing
 * {@code → tests}), its number of items, and {@code all tested} or how many are marked
 * not run. {@link #checkSummary} generates its rows.
 */
public final class SpecItemTable {

	private static final Pattern MARKER = Pattern.compile("<!--\\s*spec-items\\s+(\\S+)\\s*-->");

	private static final String NOT_RUN = "**not run";

	private static final String SUMMARY_MARKER = "<!-- spec-summary -->";

	private final Path page;

	private final Map<String, Row> rows;

	private SpecItemTable(Path page, Map<String, Row> rows) {
		this.page = page;
		this.rows = rows;
	}

	/**
	 * Reads every marked table of a docs page.
	 * @param page the Markdown file
	 * @return the tables' rows
	 */
	public static SpecItemTable read(Path page) {
		Map<String, Row> rows = new LinkedHashMap<>();
		List<String> sections = sections(page);
		for (MarkedTables.Row row : MarkedTables.read(page, MARKER)) {
			List<String> cells = row.cells();
			String label = cells.get(0).split("\\s+")[0];
			if (label.equals("#") || label.isEmpty()) {
				continue;
			}
			String id = row.marker() + label;
			if (rows.put(id,
					new Row(id, row.index(), cells.get(cells.size() - 1), sections.get(row.index()))) != null) {
				throw new IllegalStateException(page + " lists " + id + " twice");
			}
		}
		return new SpecItemTable(page, rows);
	}

	/**
	 * The ids of the table's rows.
	 * @return the ids in table order
	 */
	public Set<String> ids() {
		return this.rows.keySet();
	}

	/**
	 * Compares the table's items with the marks and lists every disagreement: a mark
	 * naming an item the table lacks, an item without a test unless marked not run, a
	 * test carrying an item marked not run.
	 * @param marks the marks of the module's tests
	 * @return the disagreements, empty when table and marks agree
	 */
	public List<String> disagreementsWith(SpecItemMarks marks) {
		List<String> problems = new ArrayList<>();
		for (String id : marks.ids()) {
			if (!this.rows.containsKey(id)) {
				problems.add("@SpecItem(\"" + id + "\") names an item the docs table lacks");
			}
		}
		for (Row row : this.rows.values()) {
			boolean carried = marks.ids().contains(row.id());
			if (row.notRun() && carried) {
				problems.add(row.id() + " is marked not run but a test carries it");
			}
			else if (!row.notRun() && !carried) {
				problems.add(row.id() + " has no test annotated @SpecItem(\"" + row.id() + "\")");
			}
		}
		return problems;
	}

	/**
	 * The page with the test cell of every row not marked not run generated from the
	 * marks, every other character as it is.
	 * @param marks the marks of the module's tests
	 * @return the page's text
	 */
	public String render(SpecItemMarks marks) {
		String[] lines = text(this.page).split("\n", -1);
		for (Row row : this.rows.values()) {
			if (!row.notRun()) {
				lines[row.index()] = withTestCell(lines[row.index()], marks.testCell(row.id()));
			}
		}
		return String.join("\n", Arrays.asList(lines));
	}

	/**
	 * Checks that every test cell of the page is the one generated from the marks, or
	 * writes the page when the system property {@value GeneratedPage#WRITE_PROPERTY} is
	 * {@code true}.
	 * @param marks the marks of the module's tests
	 * @param regenerate the command that regenerates the page, for the failure message
	 * @throws AssertionError naming each row whose test cell differs
	 */
	public void checkTestCells(SpecItemMarks marks, String regenerate) {
		List<String> stale = new ArrayList<>();
		for (Row row : this.rows.values()) {
			String generated = marks.testCell(row.id());
			if (!row.notRun() && !row.testCell().equals(generated)) {
				stale.add(row.id() + "\n  page:  " + row.testCell() + "\n  marks: " + generated);
			}
		}
		if (!stale.isEmpty() && !Boolean.getBoolean(GeneratedPage.WRITE_PROPERTY)) {
			throw new AssertionError(this.page + ": " + stale.size() + " test cells differ from the @SpecItem marks. "
					+ "Regenerate the page with: " + regenerate + "\n" + String.join("\n", stale));
		}
		GeneratedPage.check(this.page, render(marks), regenerate);
	}

	/**
	 * The rows of the summary of this page's items: per section, its number of items and
	 * {@code all tested} or how many are marked not run.
	 * @return the rows, as Markdown table rows in page order
	 */
	public List<String> summaryRows() {
		Map<String, List<Row>> bySection = new LinkedHashMap<>();
		for (Row row : this.rows.values()) {
			bySection.computeIfAbsent(row.section(), (section) -> new ArrayList<>()).add(row);
		}
		List<String> summary = new ArrayList<>();
		bySection.forEach((section, items) -> {
			long notRun = items.stream().filter(Row::notRun).count();
			summary.add("| " + section + " | " + items.size() + " | "
					+ ((notRun != 0) ? notRun + " not run" : "all tested") + " |");
		});
		return summary;
	}

	/**
	 * Checks that the table a user page marks with {@code <!-- spec-summary -->} has the
	 * {@link #summaryRows() summary rows} of this page, or writes them when the system
	 * property {@value GeneratedPage#WRITE_PROPERTY} is {@code true}.
	 * @param summary the user page
	 * @param regenerate the command that regenerates the page, for the failure message
	 * @throws AssertionError if the summary's rows differ
	 */
	public void checkSummary(Path summary, String regenerate) {
		List<String> lines = new ArrayList<>(Arrays.asList(text(summary).split("\n", -1)));
		int marker = lines.indexOf(SUMMARY_MARKER);
		if (marker < 0) {
			throw new IllegalStateException(summary + " has no table marked " + SUMMARY_MARKER);
		}
		int first = marker + 3;
		int end = first;
		while (end < lines.size() && lines.get(end).trim().startsWith("|")) {
			end++;
		}
		lines.subList(first, end).clear();
		lines.addAll(first, summaryRows());
		GeneratedPage.check(summary, String.join("\n", lines), regenerate);
	}

	private static List<String> sections(Path page) {
		List<String> sections = new ArrayList<>();
		String section = "";
		for (String line : text(page).split("\n", -1)) {
			if (line.startsWith("## ")) {
				section = line.substring(3).replaceFirst("\\s*→ tests$", "").trim();
			}
			sections.add(section);
		}
		return sections;
	}

	private static String text(Path page) {
		try {
			return Files.readString(page);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	private static String withTestCell(String line, String testCell) {
		String row = line.stripTrailing();
		String body = row.endsWith("|") ? row.substring(0, row.length() - 1) : row;
		int lastSeparator = body.length() - 1;
		while (body.charAt(lastSeparator) != '|' || (lastSeparator > 0 && body.charAt(lastSeparator - 1) == '\\')) {
			lastSeparator--;
		}
		return body.substring(0, lastSeparator + 1) + (testCell.isEmpty() ? " |" : " " + testCell + " |");
	}

	private record Row(String id, int index, String testCell, String section) {

		boolean notRun() {
			return this.testCell.startsWith(NOT_RUN);
		}

	}

}
