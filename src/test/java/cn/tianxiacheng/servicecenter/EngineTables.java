package cn.tianxiacheng.servicecenter;

import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import javax.sql.DataSource;

import org.springframework.jdbc.core.JdbcTemplate;

/** Searches Camunda's tables (ACT_*) for a value, to prove that personal data never reached the engine. */
public final class EngineTables {

	private EngineTables() {
	}

	/** Every text and binary column of Camunda's tables that holds the value, as {@code TABLE.COLUMN}. */
	public static List<String> containing(DataSource dataSource, JdbcTemplate jdbc, String value) throws SQLException {
		List<String> hits = new ArrayList<>();
		try (Connection connection = dataSource.getConnection()) {
			DatabaseMetaData meta = connection.getMetaData();
			try (ResultSet columns = meta.getColumns(null, null, "%", "%")) {
				while (columns.next()) {
					String table = columns.getString("TABLE_NAME");
					String column = columns.getString("COLUMN_NAME");
					int type = columns.getInt("DATA_TYPE");
					if (!table.toUpperCase(Locale.ROOT).startsWith("ACT_")) {
						continue;
					}
					if (type == Types.VARCHAR || type == Types.CLOB || type == Types.LONGVARCHAR || type == Types.NVARCHAR) {
						Integer count = jdbc.queryForObject("select count(*) from " + table + " where " + column + " like ?",
								Integer.class, "%" + value + "%");
						if (count > 0) {
							hits.add(table + "." + column);
						}
					}
					else if (type == Types.BLOB || type == Types.BINARY || type == Types.VARBINARY
							|| type == Types.LONGVARBINARY) {
						for (byte[] bytes : jdbc.queryForList("select " + column + " from " + table, byte[].class)) {
							if (bytes != null && new String(bytes, StandardCharsets.UTF_8).contains(value)) {
								hits.add(table + "." + column);
								break;
							}
						}
					}
				}
			}
		}
		return hits;
	}

}
