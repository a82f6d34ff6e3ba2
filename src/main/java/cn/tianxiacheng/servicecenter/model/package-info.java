/**
 * The base of the JPA entities (their generated id).
 */
@ApplicationModule(displayName = "model", allowedDependencies = {})
package cn.tianxiacheng.servicecenter.model;

import org.springframework.modulith.ApplicationModule;
