package cn.tianxiacheng.servicecenter;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

/**
 * One way per table (docs/persistence.md): a table that a JPA entity maps is written through JPA
 * only, never by SQL in the main code.
 */
class PersistenceRuleTests {

	private static final Path MAIN = Path.of("src/main/java");

	/** An SQL write as the code writes it (lower case; JPQL names entities in PascalCase). */
	private static final Pattern SQL_WRITE = Pattern.compile("\\b(?:insert into|update|delete from)\\s+([a-z_]+)\\b");

	@Test
	void shouldWriteNoTableThatAnEntityMapsWithSql() {
		Set<String> mapped = entityTables();
		assertThat(mapped).contains("unit", "owner", "parking_space", "fee_rate", "service_case");

		List<String> writes = javaFiles().flatMap(file -> sqlWrites(read(file), mapped).stream()
			.map(table -> MAIN.relativize(file) + " writes " + table)).toList();

		assertThat(writes).isEmpty();
	}

	@Test
	void shouldFindAPlantedSqlWriteButNotJpql() {
		Set<String> mapped = Set.of("parking_space", "owner");

		assertThat(sqlWrites("jdbc.update(\"update parking_space set status = 'VACANT' where id = ?\", id);", mapped))
			.containsExactly("parking_space");
		assertThat(sqlWrites("createQuery(\"update Owner o set o.phone = :value where o.id = :owner\")", mapped)).isEmpty();
	}

	private static List<String> sqlWrites(String source, Set<String> tables) {
		Matcher write = SQL_WRITE.matcher(source);
		return write.results().map(result -> result.group(1)).filter(tables::contains).toList();
	}

	/** The tables of the {@code @Entity} classes: their names in snake case ({@code ParkingSpace} → {@code parking_space}). */
	private static Set<String> entityTables() {
		return javaFiles().filter(file -> read(file).contains("\n@Entity"))
			.map(file -> file.getFileName().toString().replace(".java", "")
				.replaceAll("([a-z])([A-Z])", "$1_$2")
				.toLowerCase())
			.collect(Collectors.toSet());
	}

	private static Stream<Path> javaFiles() {
		try (Stream<Path> files = Files.walk(MAIN)) {
			return files.filter(file -> file.toString().endsWith(".java")).toList().stream();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
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
