package cn.tianxiacheng.servicecenter.inspection;

import java.sql.Date;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;

import cn.tianxiacheng.servicecenter.system.DemoProperties;
import cn.tianxiacheng.servicecenter.system.SetupLock;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.annotation.Order;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * The demo estate's routes (公共区域 for security, 设备机房 for engineering, 环境卫生 for
 * cleaning) with their checkpoints and checklists, and its special equipment with the last
 * contractor visits; loaded once with the demo estate.
 */
@Component
@Order(40)
class InspectionDemoData implements ApplicationRunner {

	private record Point(String name, String kind, String location, String checklist, String unit, String category) {
	}

	private final JdbcTemplate jdbc;

	private final DemoProperties demo;

	private final Clock clock;

	private final SetupLock lock;

	InspectionDemoData(JdbcTemplate jdbc, DemoProperties demo, Clock clock, SetupLock lock) {
		this.jdbc = jdbc;
		this.demo = demo;
		this.clock = clock;
		this.lock = lock;
	}

	@Override
	@Transactional
	public void run(ApplicationArguments args) {
		lock.holdUntilCommit();
		if (!demo.estate() || jdbc.queryForObject("select count(*) from inspection_route", Integer.class) > 0
				|| jdbc.queryForObject("select count(*) from unit_address", Integer.class) == 0) {
			return;
		}
		route("公共区域巡查", "security", List.of(
				new Point("1号楼大堂及门禁", "COMMON_AREA", "1号楼一层", "门禁开关正常；大堂照明正常；无堆放杂物", "1-1-101", "公共设施"),
				new Point("1号楼消防通道", "FLOOR", "1号楼各层楼梯间", "消防通道畅通；应急照明正常；防火门闭合", "1-1-101", "秩序安全"),
				new Point("2号楼大堂及门禁", "COMMON_AREA", "2号楼一层", "门禁开关正常；大堂照明正常；无堆放杂物", "2-1-101", "公共设施"),
				new Point("2号楼消防通道", "FLOOR", "2号楼各层楼梯间", "消防通道畅通；应急照明正常；防火门闭合", "2-1-101", "秩序安全"),
				new Point("3号楼大堂及门禁", "COMMON_AREA", "3号楼一层", "门禁开关正常；大堂照明正常；无堆放杂物", "3-1-101", "公共设施"),
				new Point("3号楼消防通道", "FLOOR", "3号楼各层楼梯间", "消防通道畅通；应急照明正常；防火门闭合", "3-1-101", "秩序安全"),
				new Point("地下车库", "COMMON_AREA", "地下一层", "车辆停放有序；照明正常；无积水；消防栓完好", "1-1-101", "停车"),
				new Point("小区出入口及围墙", "COMMON_AREA", "南门、北门", "岗亭有人值守；道闸正常；围墙无破损", "1-1-101", "秩序安全")));
		route("设备机房巡查", "engineering", List.of(
				new Point("配电室", "EQUIPMENT", "地下一层", "电压电流正常；无异味异响；绝缘用具齐全", "1-1-101", "水电维修"),
				new Point("生活水泵房", "EQUIPMENT", "地下一层", "水泵运行正常；水箱水位正常；无漏水", "1-1-101", "水电维修"),
				new Point("电梯机房", "EQUIPMENT", "1–3号楼顶层", "曳引机无异响；机房温度正常；救援工具齐全", "1-1-101", "电梯"),
				new Point("消防泵房", "EQUIPMENT", "地下一层", "消防泵在自动状态；管网压力正常", "1-1-101", "公共设施")));
		route("环境卫生巡查", "cleaning", List.of(
				new Point("垃圾分类收集点", "COMMON_AREA", "各楼北侧", "按时清运；无满溢；周边干净无异味", "1-1-101", "环境卫生"),
				new Point("中心绿地", "COMMON_AREA", "2号楼南侧", "草坪修剪；无枯枝；灌溉正常", "2-1-101", "绿化"),
				new Point("楼栋大堂及电梯轿厢", "COMMON_AREA", "1–3号楼", "地面干净；轿厢无污渍；无小广告", "1-1-101", "环境卫生")));
		LocalDate today = LocalDate.now(clock);
		for (int building = 1; building <= 3; building++) {
			for (int entrance = 1; entrance <= 2; entrance++) {
				equipment(building + "号楼" + entrance + "单元电梯", "ELEVATOR", building + "号楼" + entrance + "单元",
						"天下电梯工程有限公司", 15, today.minusDays(building == 3 && entrance == 2 ? 19 : 3 + building));
			}
		}
		equipment("消防泵组", "FIRE_PUMP", "地下一层消防泵房", "城安消防设施维保有限公司", 30, today.minusDays(12));
		equipment("二次供水设备", "WATER_SUPPLY", "地下一层生活水泵房", "清源供水设备有限公司", 90, today.minusDays(40));
	}

	private void route(String name, String dutyGroup, List<Point> points) {
		jdbc.update("""
				insert into inspection_route (name, duty_group, active, estate_id)
				values (?, ?, true, (select min(estate_id) from unit_address))""", name, dutyGroup);
		long routeId = jdbc.queryForObject("""
				select id from inspection_route
				 where name = ? and estate_id = (select min(estate_id) from unit_address)""", Long.class, name);
		for (int i = 0; i < points.size(); i++) {
			Point point = points.get(i);
			jdbc.update("""
					insert into inspection_checkpoint (route_id, position, name, kind, location, checklist, case_unit_number,
					       case_category) values (?, ?, ?, ?, ?, ?, ?, ?)""", routeId, i + 1, point.name(), point.kind(),
					point.location(), point.checklist(), point.unit(), point.category());
		}
	}

	private void equipment(String name, String kind, String location, String contractor, int cadenceDays,
			LocalDate lastVisit) {
		jdbc.update("""
				insert into equipment (name, kind, location, contractor, cadence_days, in_service_since, estate_id)
				values (?, ?, ?, ?, ?, ?, (select min(estate_id) from unit_address))""", name, kind, location, contractor, cadenceDays, Date.valueOf("2019-06-01"));
		long id = jdbc.queryForObject("""
				select id from equipment
				 where name = ? and estate_id = (select min(estate_id) from unit_address)""", Long.class, name);
		Timestamp at = Timestamp.from(lastVisit.atTime(15, 0).atZone(clock.getZone()).toInstant());
		jdbc.update("""
				insert into equipment_maintenance (equipment_id, maintained_on, technician, work_done, recorded_by, recorded_at,
				       countersigned_by, countersigned_at) values (?, ?, ?, ?, ?, ?, ?, ?)""", id, Date.valueOf(lastVisit),
				"维保技师", "例行维护保养，运行正常", "engineer", at, "manager", at);
	}

}
