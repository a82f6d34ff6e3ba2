package cn.tianxiacheng.servicecenter.decoration;

import java.time.Period;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * @param fees the fees of every decoration, as fee item codes ({@code DECORATION_DEPOSIT,DECORATION_MANAGEMENT})
 * @param workerPassFee the fee item of a worker's pass (出入证), billed once per worker
 * @param wasteRemovalFee the fee item billed when the owner has the service center remove the waste
 * @param inspectionEvery how often engineering inspects a site while the works run
 * @param holdPeriod after acceptance, how long the deposit is held for hidden problems and objections
 * @param reminderAfter missing papers: when reception reminds the applicant
 * @param cancelAfter missing papers: when the application is cancelled
 * @param overrunFollowUpEvery works past the permit's end: how often reception follows up
 * @param maxWorksDays the longest works period an application may ask for (longer: an extension)
 */
@ConfigurationProperties("servicecenter.decoration")
record DecorationProperties(String fees, String workerPassFee, String wasteRemovalFee, Period inspectionEvery, Period holdPeriod,
		Period reminderAfter, Period cancelAfter, Period overrunFollowUpEvery, int maxWorksDays) {
}
