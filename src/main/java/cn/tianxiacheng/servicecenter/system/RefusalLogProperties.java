package cn.tianxiacheng.servicecenter.system;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * How many refused engine calls of one user are logged: {@code burst} lines at once, then one
 * more every {@code every}; the calls refused in between are counted and the next line says how
 * many.
 */
@ConfigurationProperties("servicecenter.refusal-log")
record RefusalLogProperties(int burst, Duration every) {
}
