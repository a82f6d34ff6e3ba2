/**
 * Cross-cutting wiring: security and single sign-on, the engine guard and its error answers, staff
 * groups and Tasklist filters, number series, the estate clock and follow-ups. No business rules.
 */
@ApplicationModule(displayName = "system", allowedDependencies = {})
@OwnsTables({ "number_series", "setup_lock", "event_publication", "demo_history", "record_photo" })
package cn.tianxiacheng.servicecenter.system;

import org.springframework.modulith.ApplicationModule;
