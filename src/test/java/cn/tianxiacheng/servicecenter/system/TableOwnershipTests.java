package cn.tianxiacheng.servicecenter.system;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

/**
 * Each module's SQL names only its own tables and views ({@link OwnsTables}) and those another
 * module publishes, and writes only its own; every table and view of the migrations has one owner.
 * The engine's tables ({@code ACT_*}) are {@code system}'s. A package without {@link OwnsTables}
 * owns nothing and is checked too. The SQL is every string literal of a module's main sources.
 */
class TableOwnershipTests {

	private static final Path SOURCES = Path.of("src/main/java/cn/tianxiacheng/servicecenter");

	private static final Path MIGRATIONS = Path.of("src/main/resources/db/migration");

	private static final Pattern LITERAL = Pattern.compile("\"\"\"(.*?)\"\"\"|\"((?:\\\\.|[^\"\\\\\\n])*)\"",
			Pattern.DOTALL);

	private static final Pattern NAMED = Pattern
		.compile("\\b(from|join|into|update|table)\\s+(\\w+)", Pattern.CASE_INSENSITIVE);

	private static final String ENGINE_OWNER = "system";

	private static final Pattern WRITE = Pattern.compile("\\b(insert\\s+into|update|delete\\s+from)\\s+(\\w+)",
			Pattern.CASE_INSENSITIVE);

	@Test
	void shouldGiveEveryTableOfTheMigrationsOneOwner() {
		Map<String, String> owners = owners();
		assertThat(tablesOfTheMigrations()).allSatisfy(table -> assertThat(owners).as("the owner of " + table)
			.containsKey(table));
		assertThat(owners.keySet()).as("owned but not created by any migration").isSubsetOf(tablesOfTheMigrations());
	}

	@Test
	void shouldNameOnlyItsOwnAndPublishedTablesInAModulesSql() {
		Map<String, String> owners = owners();
		Set<String> published = published();
		Set<String> refused = new TreeSet<>();
		for (String module : modules()) {
			for (Path file : sourcesOf(module)) {
				String sql = literals(file);
				collect(NAMED, sql, table -> {
					String owner = ownerOf(table, owners);
					if (owner != null && !owner.equals(module) && !published.contains(table)) {
						refused.add(module + " -> " + table + " (" + file.getFileName() + ")");
					}
				});
				collect(WRITE, sql, table -> {
					String owner = ownerOf(table, owners);
					if (owner != null && !owner.equals(module)) {
						refused.add(module + " writes " + table + " (" + file.getFileName() + ")");
					}
				});
			}
		}
		assertThat(refused).as("SQL naming another module's tables").isEmpty();
	}

	private static String ownerOf(String table, Map<String, String> owners) {
		return table.startsWith("act_") ? ENGINE_OWNER : owners.get(table);
	}

	private static Map<String, String> owners() {
		Map<String, String> owners = new HashMap<>();
		for (String module : modules()) {
			for (String table : owned(module)) {
				String before = owners.put(table, module);
				assertThat(before).as(table + " owned by " + before + " and " + module).isNull();
			}
		}
		return owners;
	}

	private static Set<String> published() {
		Set<String> published = new TreeSet<>();
		for (String module : modules()) {
			OwnsTables tables = annotation(module);
			if (tables != null) {
				assertThat(Arrays.asList(tables.value())).as(module + " publishes only what it owns")
					.containsAll(Arrays.asList(tables.published()));
				published.addAll(Arrays.asList(tables.published()));
			}
		}
		return published;
	}

	private static List<String> owned(String module) {
		OwnsTables tables = annotation(module);
		return tables == null ? List.of() : Arrays.asList(tables.value());
	}

	/** The module's {@link OwnsTables}, or null: it owns no table. */
	private static OwnsTables annotation(String module) {
		try {
			return Class.forName("cn.tianxiacheng.servicecenter." + module + ".package-info")
				.getAnnotation(OwnsTables.class);
		}
		catch (ClassNotFoundException ex) {
			throw new AssertionError(module + " has no package-info", ex);
		}
	}

	/** The modules: every package of the application. */
	private static List<String> modules() {
		try (Stream<Path> packages = Files.list(SOURCES)) {
			return packages.filter(Files::isDirectory).map(path -> path.getFileName().toString()).sorted().toList();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	private static List<Path> sourcesOf(String module) {
		try (Stream<Path> files = Files.walk(SOURCES.resolve(module))) {
			return files.filter(file -> file.toString().endsWith(".java")).sorted().toList();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	private static String literals(Path file) {
		String source = read(file);
		StringBuilder sql = new StringBuilder();
		Matcher literal = LITERAL.matcher(source);
		while (literal.find()) {
			sql.append(literal.group(1) != null ? literal.group(1) : literal.group(2)).append('\n');
		}
		return sql.toString();
	}

	private static Set<String> tablesOfTheMigrations() {
		Set<String> tables = new TreeSet<>();
		Pattern created = Pattern.compile("create\\s+(?:table|view)\\s+(\\w+)", Pattern.CASE_INSENSITIVE);
		Pattern dropped = Pattern.compile("drop\\s+(?:table|view)\\s+(?:if\\s+exists\\s+)?(\\w+)",
				Pattern.CASE_INSENSITIVE);
		List<Path> migrations = new ArrayList<>();
		try (Stream<Path> files = Files.list(MIGRATIONS)) {
			files.filter(file -> file.toString().endsWith(".sql")).forEach(migrations::add);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		migrations.sort((a, b) -> Integer.compare(version(a), version(b)));
		for (Path migration : migrations) {
			String sql = read(migration);
			// in order: a table dropped and created again in one file is created last
			collect(dropped, sql, tables::remove);
			collect(created, sql, tables::add);
		}
		return tables;
	}

	private static int version(Path migration) {
		String name = migration.getFileName().toString();
		return Integer.parseInt(name.substring(1, name.indexOf("__")));
	}

	private static void collect(Pattern pattern, String text, java.util.function.Consumer<String> table) {
		Matcher matcher = pattern.matcher(text);
		while (matcher.find()) {
			table.accept(matcher.group(matcher.groupCount()).toLowerCase(Locale.ROOT));
		}
	}

	private static String read(Path file) {
		try {
			return Files.readString(file);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

}
