package cn.tianxiacheng.servicecenter.casework;

import static org.assertj.core.api.Assertions.assertThat;

import cn.tianxiacheng.servicecenter.IntegrationTest;
import cn.tianxiacheng.servicecenter.IntegrationTestSupport;
import cn.tianxiacheng.servicecenter.OpenTasks.OpenTask;
import cn.tianxiacheng.servicecenter.OpenTasks;
import cn.tianxiacheng.servicecenter.StaffApi;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * A case worked for a long time stays workable: its story lives in the app's {@code case_step},
 * and the form's recent steps stay small however many steps there are.
 */
@IntegrationTest
class LongCaseIntegrationTests extends IntegrationTestSupport {

	private static final String OPINION = "业主反映问题仍未解决".repeat(100);

	@Autowired
	OpenTasks openTasks;

	@Test
	void shouldCompleteTwoHundredStepsWithLongOpinions() {
		assertThat(OPINION).hasSize(1000);
		OpenTask repair = openTasks.serviceRequest();
		StaffApi.work(rest, "engineer", repair.taskId(), StaffApi.vars("appointmentAt", "2030-01-01T10:00", "opinion", OPINION));
		for (int step = 1; step < 200; step++) {
			String task = taskService.createTaskQuery().processInstanceId(repair.processInstanceId()).singleResult().getId();
			if (step % 2 == 1) {
				StaffApi.work(rest, "engineer", task, StaffApi.vars("workResult", "CANNOT_DO", "opinion", OPINION));
			}
			else {
				StaffApi.work(rest, "receptionist", task, StaffApi.vars("ownerConfirmed", false, "opinion", OPINION));
			}
		}

		String caseNumber = runtimeService.createProcessInstanceQuery().processInstanceId(repair.processInstanceId())
			.singleResult().getBusinessKey();
		assertThat(jdbc.queryForObject("""
				select count(*) from case_step s join service_case c on c.id = s.case_id
				 where c.case_number = ? and length(s.opinion) = 1000""", Integer.class, caseNumber)).isEqualTo(200);
		String recent = (String) runtimeService.getVariable(repair.processInstanceId(), CaseVariables.RECENT_STEPS);
		assertThat(recent.lines()).hasSize(3);
		assertThat(recent.length()).isLessThan(1000);
		assertThat(taskService.createTaskQuery().processInstanceId(repair.processInstanceId()).count())
			.as("still workable").isOne();
	}

}
