package cn.tianxiacheng.servicecenter.estate;

import java.util.List;
import java.util.Optional;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import cn.tianxiacheng.servicecenter.system.EstateDirectory;
import cn.tianxiacheng.servicecenter.system.EstateRef;

@Component
class KnownEstates implements EstateDirectory {

	private final JdbcTemplate jdbc;

	KnownEstates(JdbcTemplate jdbc) {
		this.jdbc = jdbc;
	}

	@Override
	public List<EstateRef> all() {
		return jdbc.query("select id, code, name from estate order by id",
				(rs, row) -> new EstateRef(rs.getLong("id"), rs.getString("code"), rs.getString("name")));
	}

	@Override
	public Optional<List<String>> gates(long estateId) {
		return jdbc.queryForList("select gates from estate where id = ?", String.class, estateId)
			.stream()
			.filter(gates -> gates != null)
			.findFirst()
			.map(EstateGateSettings::parse);
	}

}
