package cn.tianxiacheng.servicecenter.casework;

import java.time.Instant;
import java.time.LocalDateTime;
import java.util.List;

import cn.tianxiacheng.servicecenter.estate.PersonalDataMask;
import cn.tianxiacheng.servicecenter.journal.Journal.Step;

/** A case as the API and the case page show it: the contact's name and phone as the viewer may see them. */
record CaseView(String caseNumber, CaseType type, String typeLabel, Long unitId, String unitNumber, String contactName,
		String contactPhone, Channel channel, String channelLabel, String category, Urgency urgency, String urgencyLabel,
		String description, CaseStatus status, String statusLabel, Instant registeredAt, String registeredBy,
		String registeredByName, String processInstanceId, LocalDateTime appointmentAt, List<Step> steps) {

	static CaseView of(ServiceCase c, String unitNumber, List<Step> steps, PersonalDataMask mask, String registeredByName) {
		return new CaseView(c.getCaseNumber(), c.getType(), c.getType().label(), c.getUnitId(), unitNumber,
				mask.name(c.getContactName()), mask.phone(c.getContactPhone()), c.getChannel(), c.getChannel().label(),
				c.getCategory(), c.getUrgency(), c.getUrgency().label(), c.getDescription(), c.getStatus(),
				c.getStatus().label(), c.getRegisteredAt(), c.getRegisteredBy(), registeredByName, c.getProcessInstanceId(), c.getAppointmentAt(), steps);
	}

}
