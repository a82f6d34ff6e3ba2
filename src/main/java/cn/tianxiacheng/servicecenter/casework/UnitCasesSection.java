package cn.tianxiacheng.servicecenter.casework;

import java.time.Clock;
import java.time.format.DateTimeFormatter;
import java.util.List;

import cn.tianxiacheng.servicecenter.casework.CaseList.Filter;
import cn.tianxiacheng.servicecenter.estate.Unit;
import cn.tianxiacheng.servicecenter.estate.UnitPageSection;
import org.springframework.stereotype.Component;

/** 案件 on the unit page: the unit's latest cases of every kind, each opening its case page. */
@Component
class UnitCasesSection implements UnitPageSection {

	private static final int ROWS = 10;

	private static final DateTimeFormatter REGISTERED = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");

	private final CaseList caseList;

	private final Clock clock;

	UnitCasesSection(CaseList caseList, Clock clock) {
		this.caseList = caseList;
		this.clock = clock;
	}

	@Override
	public Table of(Unit unit) {
		CaseList.Page page = caseList.find(unit.getBuilding().getEstate().getId(),
				new Filter(null, null, null, unit.getNumber(), null, null, null, null, false), 0, ROWS);
		List<Row> rows = page.rows().stream()
			.map(c -> new Row(List.of(c.caseNumber(), c.typeLabel(), c.category(), c.statusLabel() + (c.overdue() ? "（已逾期）" : ""),
					REGISTERED.format(c.registeredAt().toInstant().atZone(clock.getZone()))), "/cases/" + c.caseNumber()))
			.toList();
		return new Table("案件（共 " + page.total() + " 件）", List.of("编号", "类型", "类别", "状态", "登记时间"), rows,
				page.total() > ROWS ? "/cases?unit=" + unit.getNumber() : null, "没有案件");
	}

	@Override
	public int order() {
		return 10;
	}

}
