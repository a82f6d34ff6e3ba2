package cn.tianxiacheng.servicecenter.system;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.util.Date;

import org.camunda.bpm.engine.impl.util.ClockUtil;

/**
 * The estate's clock: its zone is that of the estate the code runs for ({@link EstateZones}), so that
 * "today" and a time of day are the estate's. Real time except while the demo's past is made
 * ({@link DemoHistory}): then it stands where the demo has got to, and the engine's clock
 * ({@link ClockUtil}) with it, so that records, history and timers carry the days they happened on.
 */
final class EstateClock extends Clock {

	private final EstateZones zones;

	private volatile Instant standing;

	EstateClock(EstateZones zones) {
		this.zones = zones;
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
		return zones.current();
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
