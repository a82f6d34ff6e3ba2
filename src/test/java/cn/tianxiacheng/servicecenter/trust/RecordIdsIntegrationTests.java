package cn.tianxiacheng.servicecenter.trust;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;

import cn.tianxiacheng.servicecenter.EstateStaff;
import cn.tianxiacheng.servicecenter.IntegrationTest;
import cn.tianxiacheng.servicecenter.IntegrationTestSupport;
import cn.tianxiacheng.servicecenter.OpenTasks.OpenTask;
import cn.tianxiacheng.servicecenter.OpenTasks;
import cn.tianxiacheng.servicecenter.StaffApi;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestInstance.Lifecycle;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;

/**
 * Service tasks act on the app's records, found by the process's business key, never on a
 * variable: even when an administrator rewrites the record ids a process carries (the one
 * route left to write them), the bill goes to the case's unit and the case closed is the
 * process's own.
 */
@IntegrationTest
@TestInstance(Lifecycle.PER_CLASS)
class RecordIdsIntegrationTests extends IntegrationTestSupport {

	@Autowired
	OpenTasks openTasks;

	@Test
	void shouldBillTheCasesUnitWhateverUnitIdSays() {
		OpenTask repair = openTasks.serviceRequest();
		String caseNumber = businessKey(repair);
		long casesUnit = jdbc.queryForObject("select unit_id from service_case where case_number = ?", Long.class,
				caseNumber);
		long otherUnit = jdbc.queryForObject(
				"select max(id) from unit where id <> ? and building_id in " + TIANXIACHENG_BUILDINGS, Long.class, casesUnit);
		overwrite(repair, "unitId", otherUnit);
		overwrite(repair, "caseId", 1L);

		StaffApi.work(rest, "engineer", repair.taskId(), StaffApi.vars("appointmentAt", "2030-01-01T10:00", "opinion", "约好"));
		StaffApi.work(rest, "engineer", task(repair), StaffApi.vars("workResult", "DONE", "chargeCode1",
				"REPAIR_SERVICE", "chargeQuantity1", 1, "opinion", "已修好"));
		StaffApi.awaitJobs(managementService, repair.processInstanceId());

		assertThat(jdbc.queryForObject("select sum(amount) from bill where period = ? and unit_id = ?", BigDecimal.class,
				caseNumber, casesUnit)).isPositive();
		assertThat(jdbc.queryForObject("select count(*) from bill where period = ? and unit_id <> ?", Integer.class,
				caseNumber, casesUnit)).isZero();
	}

	/** In a second estate, the variable names a case of 天下城. */
	@ParameterizedTest
	@MethodSource("bothEstates")
	void shouldCloseTheProcesssOwnCaseWhateverCaseIdSays(EstateStaff estate) {
		OpenTask complaint = openTasks.complaint(estate);
		OpenTask another = openTasks.complaint();
		String caseNumber = businessKey(complaint);
		String anothersNumber = businessKey(another);
		long anothersId = jdbc.queryForObject("select id from service_case where case_number = ?", Long.class,
				anothersNumber);
		overwrite(complaint, "caseId", anothersId);

		StaffApi.work(rest, estate.receptionist(), complaint.taskId(),
				StaffApi.vars("decision", "RESOLVED", "opinion", "当场解决"));

		assertThat(status(caseNumber)).isEqualTo("CLOSED");
		assertThat(status(anothersNumber)).as("the case named by the variable is untouched").isEqualTo("OPEN");
	}

	/** The administrator may write any variable of a process through /engine-rest. */
	private void overwrite(OpenTask task, String variable, long value) {
		assertThat(StaffApi.call(rest, "admin", HttpMethod.POST,
				"/engine-rest/process-instance/" + task.processInstanceId() + "/variables",
				"{\"modifications\":{\"" + variable + "\":{\"value\":" + value + ",\"type\":\"Long\"}}}").getStatusCode())
			.isEqualTo(HttpStatus.NO_CONTENT);
	}

	private String task(OpenTask task) {
		return taskService.createTaskQuery().processInstanceId(task.processInstanceId()).singleResult().getId();
	}

	private String businessKey(OpenTask task) {
		return runtimeService.createProcessInstanceQuery().processInstanceId(task.processInstanceId()).singleResult()
			.getBusinessKey();
	}

	private String status(String caseNumber) {
		return jdbc.queryForObject("select status from service_case where case_number = ?", String.class, caseNumber);
	}

}
