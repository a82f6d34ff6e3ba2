package cn.tianxiacheng.servicecenter.system;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.util.Date;

import org.camunda.bpm.engine.impl.util.ClockUtil;

/**
 * The estate's clock, real time except while the demo's past is made ({@link DemoHistory}): then
 * it stands where the demo has got to, and the engine's clock ({@link ClockUtil}) with it, so that
 * records, history and timers carry the days they happened on.
 */
final class EstateClock extends Clock {

	private final ZoneId zone;

	private volatile Instant standing;

	EstateClock(ZoneId zone) {
		this.zone = zone;
	}

	void standAt(Instant instant) {
		standing = instant;
		ClockUtil.setCurrentTime(Date.from(instant));
	}

	void runFree() {
		standing = null;
		ClockUtil.reset();
	}

	@Override
	public Instant instant() {
		Instant at = standing;
		return at == null ? Instant.now() : at;
	}

	@Override
	public ZoneId getZone() {
		return zone;
	}

	@Override
	public Clock withZone(ZoneId other) {
		EstateClock self = this;
		return new Clock() {

			@Override
			public Instant instant() {
				return self.instant();
			}

			@Override
			public ZoneId getZone() {
				return other;
			}

			@Override
			public Clock withZone(ZoneId zone) {
				return self.withZone(zone);
			}

		};
	}

}
