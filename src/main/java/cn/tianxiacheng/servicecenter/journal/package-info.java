/**
 * The story of the processes that are not cases (certificates, rounds, repair plans): every
 * completed task's handler, time and opinion, and the system's own steps, kept by business key;
 * the last few steps for the next handler's form.
 */
@ApplicationModule(displayName = "journal 办理经过", allowedDependencies = { "system" })
package cn.tianxiacheng.servicecenter.journal;

import org.springframework.modulith.ApplicationModule;
