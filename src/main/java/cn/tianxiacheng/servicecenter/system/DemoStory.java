package cn.tianxiacheng.servicecenter.system;

import java.time.LocalDate;

import org.springframework.modulith.NamedInterface;

/**
 * A module's part in the demo's past ({@link DemoHistory}): at the start of each day it plans its
 * acts on the timeline, done through the module's own services and the engine as staff would.
 */
@NamedInterface("setup")
public interface DemoStory {

	void plan(LocalDate day, DemoTimeline timeline);

}
