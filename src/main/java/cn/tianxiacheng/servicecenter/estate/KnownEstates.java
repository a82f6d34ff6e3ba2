package cn.tianxiacheng.servicecenter.estate;

import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import cn.tianxiacheng.servicecenter.system.EstateDirectory;
import cn.tianxiacheng.servicecenter.system.EstateHours;
import cn.tianxiacheng.servicecenter.system.EstateRef;

@Component
class KnownEstates implements EstateDirectory {

	private final JdbcTemplate jdbc;

	/** The zones by estate code: the clock asks for one at every date it gives. */
	private final Map<String, ZoneId> zones = new ConcurrentHashMap<>();

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

	@Override
	public Optional<ZoneId> zone(String code) {
		return Optional.ofNullable(zones.computeIfAbsent(code, estate -> jdbc
			.queryForList("select time_zone from estate where code = ?", String.class, estate)
			.stream()
			.findFirst()
			.map(ZoneId::of)
			.orElse(null)));
	}

	@Override
	public Optional<EstateHours> hours(String code) {
		return jdbc.query("select office_hours, works_hours from estate where code = ?",
				(rs, row) -> new EstateHours(rs.getString(1), rs.getString(2)), code).stream().findFirst();
	}

	/** After the estate's zone has changed. */
	void forgetZone(String code) {
		zones.remove(code);
	}

}
