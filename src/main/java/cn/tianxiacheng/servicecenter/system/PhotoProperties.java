package cn.tianxiacheng.servicecenter.system;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.util.unit.DataSize;
import org.springframework.validation.annotation.Validated;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Positive;

/** The largest photo {@link Photos} keeps, and how many a record may have. */
@Validated
@ConfigurationProperties("servicecenter.photos")
record PhotoProperties(@NotNull DataSize maxSize, @Positive int maxPerRecord) {
}
