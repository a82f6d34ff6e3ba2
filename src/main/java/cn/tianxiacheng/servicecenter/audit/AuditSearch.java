package cn.tianxiacheng.servicecenter.audit;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import cn.tianxiacheng.servicecenter.fee.BillPeriods;
import cn.tianxiacheng.servicecenter.system.EngineHistory;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.repository.ProcessDefinition;
import org.springframework.stereotype.Component;

/**
 * Finds cases of every process, open and finished, in the engine's history: every process
 * instance the app started carries its record number as business key and the unit's number as
 * {@code unitNumber}. The engine's query API has no "overdue", "escalated" or "worked by"
 * criteria: {@link EngineHistory} answers them.
 */
@Component
class AuditSearch {

	static final int PAGE_SIZE = 30;

	/**
	 * What a case is searched by; every criterion may be null (or false) for "any". The kind
	 * {@value #CASES} is the cases proper, complaints and service requests; {@code closedFrom}
	 * the day from which a case ended.
	 */
	record Criteria(String caseNumber, String kind, String unit, LocalDate from, LocalDate to, String staff,
			String state, boolean overdue, boolean escalated, LocalDate closedFrom) {

		static Criteria none() {
			return new Criteria(null, null, null, null, null, null, null, false, false, null);
		}

	}

	/** The kind that stands for complaints and service requests together: what the center calls 案件. */
	static final String CASES = "CASES";

	static final List<String> CASE_PROCESSES = List.of("ComplaintProcess", "ServiceRequestProcess");

	record Row(String caseNumber, String processInstanceId, String kind, String kindName, String unitNumber,
			Instant startedAt, Instant endedAt, String state, String stateLabel, String outcome, boolean overdue,
			boolean escalated) {

		/** The number as staff read it (a billing run's in words). */
		public String numberLabel() {
			return BillPeriods.ofBusinessKey(caseNumber);
		}

	}

	record Page(List<Row> rows, int page, long total) {

		public int pages() {
			return (int) Math.max(1, (total + PAGE_SIZE - 1) / PAGE_SIZE);
		}

	}

	private final EngineHistory history;

	private final RepositoryService repositoryService;

	private final Clock clock;

	AuditSearch(EngineHistory history, RepositoryService repositoryService, Clock clock) {
		this.history = history;
		this.repositoryService = repositoryService;
		this.clock = clock;
	}

	/** The processes staff work with, by key, named as Cockpit names them (in Chinese). */
	Map<String, String> kinds() {
		return repositoryService.createProcessDefinitionQuery()
			.latestVersion()
			.list()
			.stream()
			.sorted((a, b) -> a.getKey().compareTo(b.getKey()))
			.collect(Collectors.toMap(ProcessDefinition::getKey, d -> d.getName() == null ? d.getKey() : d.getName(),
					(a, b) -> a, LinkedHashMap::new));
	}

	/** The instances of the estate (its engine tenant) that meet the criteria. */
	Page find(String tenantId, Criteria criteria, int page, int size) {
		List<String> processKeys = CASES.equals(criteria.kind()) ? CASE_PROCESSES
				: criteria.kind() == null || criteria.kind().isBlank() ? List.of() : List.of(criteria.kind());
		EngineHistory.Found found = history.find(new EngineHistory.Criteria(tenantId, criteria.caseNumber(), processKeys,
				criteria.unit(), startOf(criteria.from()), startOf(criteria.to() == null ? null : criteria.to().plusDays(1)),
				startOf(criteria.closedFrom()), criteria.staff(), criteria.state(), criteria.overdue(),
				criteria.escalated()), (long) page * size, size);
		Map<String, String> kinds = kinds();
		List<Row> rows = found.instances()
			.stream()
			.map(instance -> new Row(instance.businessKey(), instance.processInstanceId(), instance.processKey(),
					kinds.getOrDefault(instance.processKey(), instance.processKey()), instance.unitNumber(),
					instance.startedAt(), instance.endedAt(), instance.state(), stateLabel(instance.state()),
					instance.outcome(), instance.overdue(), instance.escalated()))
			.toList();
		return new Page(rows, page, found.total());
	}

	private Instant startOf(LocalDate day) {
		return day == null ? null : day.atStartOfDay(clock.getZone()).toInstant();
	}

	static String stateLabel(String state) {
		return switch (state) {
			case "ACTIVE" -> "办理中";
			case "SUSPENDED" -> "已挂起";
			case "COMPLETED" -> "已结束";
			case "EXTERNALLY_TERMINATED" -> "已撤销";
			case "INTERNALLY_TERMINATED" -> "已终止";
			default -> state;
		};
	}

}
