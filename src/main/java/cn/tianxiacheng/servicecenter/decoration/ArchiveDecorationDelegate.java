package cn.tianxiacheng.servicecenter.decoration;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import cn.tianxiacheng.servicecenter.archive.OwnerArchives.Document;
import cn.tianxiacheng.servicecenter.archive.OwnerArchives;
import cn.tianxiacheng.servicecenter.decoration.Decorations.Decoration;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * 装修资料归档 ({@code Task_ArchiveDecoration}): the application, permit, agreement, inspection
 * and patrol records, violations and acceptance go into the unit's owner archive (第三十条); the
 * decoration is closed.
 */
@Component
class ArchiveDecorationDelegate implements JavaDelegate {

	private final Decorations decorations;

	private final OwnerArchives archives;

	private final DecorationJournal journal;

	private final JdbcTemplate jdbc;

	private final Clock clock;

	ArchiveDecorationDelegate(Decorations decorations, OwnerArchives archives, DecorationJournal journal,
			JdbcTemplate jdbc, Clock clock) {
		this.decorations = decorations;
		this.archives = archives;
		this.journal = journal;
		this.jdbc = jdbc;
		this.clock = clock;
	}

	@Override
	public void execute(DelegateExecution execution) {
		Decoration decoration = decorations.byNumber(execution.getProcessBusinessKey());
		if (decoration.status() != DecorationStatus.ACCEPTED) {
			throw new IllegalStateException("装修 " + decoration.number() + " 未验收合格，不能归档");
		}
		LocalDate today = LocalDate.now(clock);
		String cabinet = "档案室 " + decoration.unitNumber().split("-")[0] + " 号柜";
		List<Document> documents = new ArrayList<>();
		documents.add(new Document("装修申报表", decoration.number(), today, cabinet));
		if (decoration.needsOwnerConsent()) {
			documents.add(new Document("业主同意装修的书面证明", decoration.number(), today, cabinet));
		}
		documents.add(new Document("装修管理服务协议（已签署）", decoration.number(), today, cabinet));
		documents.add(new Document("装修许可证（存根）", decoration.permitNumber(), today, cabinet));
		documents.add(new Document("装修巡检与巡查记录 " + count("decoration_inspection", decoration, "status = 'DONE'") + " 份",
				decoration.number(), today, cabinet));
		int violations = count("decoration_violation", decoration, "1 = 1");
		if (violations > 0) {
			documents.add(new Document("违章整改记录 " + violations + " 份", decoration.number(), today, cabinet));
		}
		documents.add(new Document("竣工验收记录", decoration.number(), today, cabinet));
		archives.file(decoration.unitId(), decoration.unitNumber(), documents, decoration.number());
		decorations.changeStatus(decoration.id(), DecorationStatus.CLOSED);
		journal.note(execution, decoration.id(), "装修资料归档", documents.size() + " 项资料已归入业主档案");
	}

	private int count(String table, Decoration decoration, String condition) {
		return jdbc.queryForObject("select count(*) from %s where decoration_id = ? and %s".formatted(table, condition),
				Integer.class, decoration.id());
	}

}
