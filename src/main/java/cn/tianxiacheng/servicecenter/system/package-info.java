/**
 * Cross-cutting wiring: security and single sign-on, the engine guard and its error answers, staff
 * groups and Tasklist filters, number series, the estate clock and follow-ups. No business rules.
 * <p>
 * Other modules see only its named interfaces, each a set of types marked {@code @NamedInterface},
 * and name those they use in their {@code allowedDependencies} ({@code "system :: security"}):
 * {@code security} (who is asking, staff groups and names), {@code engine} (the engine as the
 * system, steps and tasks, its history and open work), {@code numbering}, {@code csv},
 * {@code errors} (the refusals answered as 4xx), {@code pages} (one request once, photos, notes on
 * 工作台), {@code setup} (start-up lock, demo, the estate's time) and {@code persistence} (the
 * entities' base). Plain {@code "system"} is its annotations ({@link OwnsTables},
 * {@link RefusedInputShownOn}) and the few types frameworks create by name: an annotation marked
 * {@code @NamedInterface} would make every type it marks part of that interface. The rest is
 * internal.
 */
@ApplicationModule(displayName = "system", allowedDependencies = {})
@OwnsTables({ "number_series", "setup_lock", "event_publication", "demo_history", "record_photo" })
package cn.tianxiacheng.servicecenter.system;

import org.springframework.modulith.ApplicationModule;
