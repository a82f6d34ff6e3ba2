/**
 * Move-in (入伙): registration, MoveInProcess and its delegates; owns move_in and its people and
 * vehicles.
 */
@ApplicationModule(displayName = "movein 入伙", allowedDependencies = { "archive", "casework", "estate", "fee", "system" })
package cn.tianxiacheng.servicecenter.movein;

import org.springframework.modulith.ApplicationModule;
