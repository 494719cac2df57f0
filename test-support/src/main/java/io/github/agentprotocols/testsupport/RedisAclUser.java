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

import java.net.URI;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import io.lettuce.core.codec.StringCodec;
import io.lettuce.core.output.StatusOutput;
import io.lettuce.core.protocol.CommandArgs;
import io.lettuce.core.protocol.CommandType;

/**
 * A Redis ACL user made of exactly the rules that a docs page lists for a starter, on
 * every server of this JVM's {@linkplain RedisFixture#topology() topology} (ACL users are
 * per node on a cluster). Closing deletes the user.
 * <p>
 * A table is marked by a line {@code <!-- acl NAME -->} before it; the last cell of each
 * row holds one code span of rules as {@code ACL SETUSER} takes them, a pipe in it
 * escaped as Markdown tables need ({@code +client\|setinfo}). The rules are those of
 * every row, in order.
 */
public final class RedisAclUser implements AutoCloseable {

	private static final Pattern MARKER = Pattern.compile("<!--\\s*acl\\s+(\\S+)\\s*-->");

	private static final Pattern CODE = Pattern.compile("`([^`]+)`");

	private final String name;

	private final String password;

	private final List<String> rules;

	private final RedisServers servers;

	private RedisAclUser(String name, List<String> rules, RedisServers servers) {
		this.name = name;
		this.password = UUID.randomUUID().toString();
		this.rules = rules;
		this.servers = servers;
	}

	/**
	 * Create the user of a table on every server.
	 * @param page the docs page
	 * @param table the table's marker argument, such as {@code hpp}
	 * @param prefixes key and channel prefixes that the test uses in place of those of
	 * the docs, by the docs' prefix (such as {@code hpp:} to a test's own prefix)
	 * @return the user, created
	 * @throws IllegalStateException if the page has no such table
	 */
	public static RedisAclUser create(Path page, String table, Map<String, String> prefixes) {
		return createWithout(page, table, prefixes, List.of());
	}

	/**
	 * Create the user of a table on every server, without some of its rules.
	 * @param page the docs page
	 * @param table the table's marker argument, such as {@code hpp}
	 * @param prefixes key and channel prefixes that the test uses in place of those of
	 * the docs, by the docs' prefix (such as {@code hpp:} to a test's own prefix)
	 * @param without the rules to leave out, as the docs write them, such as
	 * {@code +zadd}
	 * @return the user, created
	 * @throws IllegalStateException if the page has no such table, or a rule to leave out
	 * is not in it
	 */
	public static RedisAclUser createWithout(Path page, String table, Map<String, String> prefixes,
			List<String> without) {
		List<String> documented = rules(page, table);
		if (!documented.containsAll(without)) {
			throw new IllegalStateException("The table " + table + " has no rule " + without);
		}
		List<String> rules = documented.stream()
			.filter((rule) -> !without.contains(rule))
			.map((rule) -> withPrefix(rule, prefixes))
			.toList();
		RedisAclUser user = new RedisAclUser("acl-" + table + "-" + UUID.randomUUID().toString().substring(0, 8), rules,
				RedisServers.ofTopology());
		user.servers.each((redis) -> redis.dispatch(CommandType.ACL, new StatusOutput<>(StringCodec.UTF8),
				user.setUserArguments()));
		return user;
	}

	/**
	 * The rules of a marked table.
	 * @param page the docs page
	 * @param table the table's marker argument
	 * @return the rules, each as one argument of {@code ACL SETUSER}
	 * @throws IllegalStateException if the page has no such table
	 */
	public static List<String> rules(Path page, String table) {
		List<String> rules = new ArrayList<>();
		for (MarkedTables.Row row : MarkedTables.read(page, MARKER)) {
			if (row.header() || !row.marker().equals(table)) {
				continue;
			}
			Matcher code = CODE.matcher(row.cells().get(row.cells().size() - 1));
			while (code.find()) {
				for (String rule : code.group(1).replace("\\|", "|").trim().split("\\s+")) {
					rules.add(rule);
				}
			}
		}
		if (rules.isEmpty()) {
			throw new IllegalStateException("No rules in a table marked <!-- acl " + table + " --> in " + page);
		}
		return rules;
	}

	/**
	 * The commands that a marked table allows ({@code +get}, {@code +cluster|nodes}).
	 * @param page the docs page
	 * @param table the table's marker argument
	 * @return the commands' names, a subcommand as {@code command|subcommand}
	 * @throws IllegalStateException if the page has no such table
	 */
	public static Set<String> commands(Path page, String table) {
		return rules(page, table).stream()
			.filter((rule) -> rule.startsWith("+"))
			.map((rule) -> rule.substring(1))
			.collect(Collectors.toCollection(TreeSet::new));
	}

	private static String withPrefix(String rule, Map<String, String> prefixes) {
		for (Map.Entry<String, String> prefix : prefixes.entrySet()) {
			for (String kind : List.of("~", "&")) {
				if (rule.startsWith(kind + prefix.getKey())) {
					return kind + prefix.getValue() + rule.substring(kind.length() + prefix.getKey().length());
				}
			}
		}
		return rule;
	}

	private CommandArgs<String, String> setUserArguments() {
		CommandArgs<String, String> arguments = new CommandArgs<>(StringCodec.UTF8).add("SETUSER")
			.add(this.name)
			.add("reset")
			.add("on")
			.add(">" + this.password);
		this.rules.forEach(arguments::add);
		return arguments;
	}

	/**
	 * The Spring Boot properties that make an application connect as this user: on a
	 * stand-alone server also {@code spring.data.redis.url} with the user in it, since
	 * Spring Boot takes the user of a URL over {@code spring.data.redis.username}.
	 * @return {@code spring.data.redis.username} and {@code spring.data.redis.password},
	 * and the URL on a stand-alone server, as {@code name=value}
	 */
	public String[] properties() {
		List<String> properties = new ArrayList<>(
				List.of("spring.data.redis.username=" + this.name, "spring.data.redis.password=" + this.password));
		if (RedisFixture.topology() != RedisTopology.CLUSTER) {
			URI url = RedisFixture.url();
			properties.add("spring.data.redis.url=" + url.getScheme() + "://" + this.name + ":" + this.password + "@"
					+ url.getAuthority());
		}
		return properties.toArray(String[]::new);
	}

	/**
	 * The user's name.
	 * @return the name
	 */
	public String name() {
		return this.name;
	}

	/**
	 * The rules the user was created with, after the prefixes were replaced.
	 * @return the rules
	 */
	public List<String> rules() {
		return this.rules;
	}

	/**
	 * What the servers' {@code ACL LOG} records as denied to this user.
	 * @return each entry as {@code server: reason object (context)}, empty if none
	 */
	public List<String> denials() {
		List<String> denials = new ArrayList<>();
		for (String address : this.servers.addresses()) {
			RedisServers.on(address, (redis) -> redis.aclLog())
				.stream()
				.filter((entry) -> this.name.equals(entry.get("username")))
				.forEach((entry) -> denials.add(address + ": " + entry.get("reason") + " " + entry.get("object") + " ("
						+ entry.get("context") + ")"));
		}
		return denials;
	}

	/** Deletes the user on every server. */
	@Override
	public void close() {
		this.servers.each((redis) -> redis.aclDeluser(this.name));
	}

	@Override
	public String toString() {
		return this.name + " " + String.join(" ", this.rules);
	}

}
