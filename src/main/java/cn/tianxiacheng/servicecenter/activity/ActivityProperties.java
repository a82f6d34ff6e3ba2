package cn.tianxiacheng.servicecenter.activity;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.util.unit.DataSize;

/**
 * @param maxPhotoSize the largest photo of an activity (JPEG, PNG or WebP)
 * @param maxPhotos the most photos one activity keeps
 */
@ConfigurationProperties("servicecenter.activities")
record ActivityProperties(DataSize maxPhotoSize, int maxPhotos) {
}
