package cn.tianxiacheng.servicecenter.casework;

import java.time.Instant;
import java.time.LocalDateTime;

import cn.tianxiacheng.servicecenter.system.BaseEntity;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;

/**
 * 案件: one request of an owner, worked by a process whose business key is the case number.
 * The contact's name and phone stay in this record: the process carries the case id.
 */
@Entity
public class ServiceCase extends BaseEntity {

	private String caseNumber;

	private String requestId;

	@Enumerated(EnumType.STRING)
	private CaseType type;

	private Long unitId;

	private String contactName;

	private String contactPhone;

	@Enumerated(EnumType.STRING)
	private Channel channel;

	private String category;

	@Enumerated(EnumType.STRING)
	private Urgency urgency;

	private String description;

	@Enumerated(EnumType.STRING)
	private CaseStatus status;

	private Instant registeredAt;

	private String registeredBy;

	private String processInstanceId;

	/** Estate-local time of the visit agreed with the owner. */
	private LocalDateTime appointmentAt;

	protected ServiceCase() {
	}

	ServiceCase(String caseNumber, String requestId, CaseType type, Long unitId, String contactName, String contactPhone,
			Channel channel, String category, Urgency urgency, String description, Instant registeredAt,
			String registeredBy) {
		this.caseNumber = caseNumber;
		this.requestId = requestId;
		this.type = type;
		this.unitId = unitId;
		this.contactName = contactName;
		this.contactPhone = contactPhone;
		this.channel = channel;
		this.category = category;
		this.urgency = urgency;
		this.description = description;
		this.status = CaseStatus.OPEN;
		this.registeredAt = registeredAt;
		this.registeredBy = registeredBy;
	}

	void workedBy(String processInstanceId) {
		this.processInstanceId = processInstanceId;
	}

	void changeContactName(String contactName) {
		this.contactName = contactName;
	}

	void changeContactPhone(String contactPhone) {
		this.contactPhone = contactPhone;
	}

	void changeStatus(CaseStatus status) {
		this.status = status;
	}

	void appointFor(LocalDateTime appointmentAt) {
		this.appointmentAt = appointmentAt;
	}

	public String getCaseNumber() {
		return caseNumber;
	}

	public String getRequestId() {
		return requestId;
	}

	public CaseType getType() {
		return type;
	}

	public Long getUnitId() {
		return unitId;
	}

	public String getContactName() {
		return contactName;
	}

	public String getContactPhone() {
		return contactPhone;
	}

	public Channel getChannel() {
		return channel;
	}

	public String getCategory() {
		return category;
	}

	public Urgency getUrgency() {
		return urgency;
	}

	public String getDescription() {
		return description;
	}

	public CaseStatus getStatus() {
		return status;
	}

	public Instant getRegisteredAt() {
		return registeredAt;
	}

	public String getRegisteredBy() {
		return registeredBy;
	}

	public String getProcessInstanceId() {
		return processInstanceId;
	}

	public LocalDateTime getAppointmentAt() {
		return appointmentAt;
	}

}
