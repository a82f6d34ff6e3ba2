package cn.tianxiacheng.servicecenter.release;

import java.time.Clock;

import cn.tianxiacheng.servicecenter.journal.RecordJournal;
import cn.tianxiacheng.servicecenter.system.StaffNames;
import org.camunda.bpm.engine.IdentityService;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * The story of a pass ({@code release_step}): every completed task of its process with its
 * handler and opinion, the gate checks and what the system did.
 */
@Component
class PassJournal extends RecordJournal {

	PassJournal(JdbcTemplate jdbc, IdentityService identityService, StaffNames staffNames, Clock clock) {
		super(jdbc, identityService, staffNames, clock, "release_step", "pass_id", GoodsReleaseProcess.KEY,
				"select id from release_pass where pass_number = ?");
	}

}
