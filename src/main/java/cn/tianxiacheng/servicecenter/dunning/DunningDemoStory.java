package cn.tianxiacheng.servicecenter.dunning;

import java.time.LocalDate;

import cn.tianxiacheng.servicecenter.system.DemoStory;
import cn.tianxiacheng.servicecenter.system.DemoTimeline;
import org.springframework.stereotype.Component;

/** The demo's arrears: the daily scan's timer fires every morning and opens the dunning of units that owe. */
@Component
class DunningDemoStory implements DemoStory {

	private boolean armed;

	@Override
	public void plan(LocalDate day, DemoTimeline timeline) {
		if (!armed) {
			armed = true;
			timeline.armTimer(FeeDunningProcess.SCAN_KEY);
		}
	}

}
