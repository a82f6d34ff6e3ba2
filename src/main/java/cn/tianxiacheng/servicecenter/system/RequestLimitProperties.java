package cn.tianxiacheng.servicecenter.system;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.util.unit.DataSize;

/** The largest request body {@code /api}, {@code /engine-rest} and the webapps' API read (uploads apart). */
@ConfigurationProperties("servicecenter.requests")
record RequestLimitProperties(DataSize maxBody) {
}
