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

/** Test helper: where in Camunda's tables (ACT_*) a value is, in any text or binary column. */
public final class EngineTables {

	private EngineTables() {
	}

	public static List<String> columnsContaining(DataSource dataSource, String value) throws SQLException {
		JdbcTemplate jdbc = new JdbcTemplate(dataSource);
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
						if (jdbc.queryForObject("select count(*) from " + table + " where " + column + " like ?",
								Integer.class, "%" + value + "%") > 0) {
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
